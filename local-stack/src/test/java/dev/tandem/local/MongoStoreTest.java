package dev.tandem.local;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoCommandException;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Accumulators;
import com.mongodb.client.model.Aggregates;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MongoStoreTest {

    @TempDir
    Path root;

    @Test
    void keepsItsDataInTheDataDirectoryAcrossRestarts() {
        withDatabase(database -> {
            MongoCollection<Document> requests = database.getCollection("requests");
            requests.insertOne(new Document("_id", "a").append("status", "NEW"));
            requests.updateOne(Filters.eq("_id", "a"), Updates.set("status", "QUEUED"));
        });

        withDatabase(database -> assertThat(database.getCollection("requests").find().first())
                .isEqualTo(new Document("_id", "a").append("status", "QUEUED")));
        assertThat(new DataDir(root).mongo()).exists().hasParent(root.resolve("mongo"));
    }

    @Test
    void uniqueIndexesRejectDuplicatesAfterARestart() {
        withDatabase(database -> {
            MongoCollection<Document> keys = database.getCollection("idempotency");
            keys.createIndex(Indexes.ascending("key"), new IndexOptions().unique(true).name("key_unique"));
            keys.insertOne(new Document("_id", "a").append("key", "k1"));
            keys.insertOne(new Document("_id", "b").append("key", "k2"));
        });

        withDatabase(database -> {
            MongoCollection<Document> keys = database.getCollection("idempotency");
            assertThat(keys.listIndexes()).anySatisfy(index -> {
                assertThat(index.getString("name")).isEqualTo("key_unique");
                assertThat(index.getBoolean("unique")).isTrue();
            });
            assertDuplicateKey(() -> keys.insertOne(new Document("_id", "c").append("key", "k1")));
            assertDuplicateKey(() -> keys.updateOne(Filters.eq("_id", "b"), Updates.set("key", "k1")));
            assertDuplicateKey(() -> keys.insertOne(new Document("_id", "a").append("key", "k3")));
            keys.insertOne(new Document("_id", "c").append("key", "k3"));
            assertThat(keys.find().sort(Sorts.ascending("_id"))).extracting(key -> key.getString("key"))
                    .containsExactly("k1", "k2", "k3");
        });
    }

    @Test
    void createsTheIndexesTheServicesDeclareAndAnswersTheirQueriesByScanning() {
        withDatabase(database -> {
            MongoCollection<Document> requests = database.getCollection("requests");
            // as the outbox relay, the idempotency keys, the inbox and routing's entities declare them
            requests.createIndex(Indexes.ascending("outbox.eventId"),
                    new IndexOptions().sparse(true).name("outbox_pending"));
            requests.createIndex(Indexes.ascending("expiresAt"), new IndexOptions().expireAfter(0L, TimeUnit.SECONDS));
            requests.createIndex(Indexes.compoundIndex(Indexes.ascending("status"), Indexes.descending("priority"),
                    Indexes.ascending("submittedAt")), new IndexOptions().name("queue_order"));
            requests.insertMany(List.of(
                    new Document("_id", "pending").append("outbox", List.of(new Document("eventId", "e1"))),
                    new Document("_id", "relayed").append("outbox", List.of()),
                    new Document("_id", "old").append("expiresAt", new Date(0))));
        });

        withDatabase(database -> {
            MongoCollection<Document> requests = database.getCollection("requests");
            assertThat(requests.listIndexes()).extracting(index -> index.getString("name"))
                    .contains("_id_", "outbox_pending", "expiresAt_1", "queue_order");
            assertThat(requests.find(Filters.exists("outbox.eventId"))).extracting(request -> request.get("_id"))
                    .containsExactly("pending");
            // TTL indexes are kept but nothing expires: the services clean up in code
            assertThat(requests.countDocuments(Filters.eq("_id", "old"))).isOne();
        });
    }

    @Test
    void ofRacingConditionalUpsertsExactlyOneTakesTheLeaseAndTheOthersCollide() throws Exception {
        withDatabase(database -> {
            MongoCollection<Document> leases = database.getCollection("outbox_lease");
            leases.insertOne(new Document("_id", "relay").append("holder", "gone").append("expiresAt", new Date(0)));
            Date now = new Date();
            // as the relay takes its lease: held by nobody, or run out
            List<Callable<Boolean>> claims = IntStream.range(0, 16).<Callable<Boolean>>mapToObj(i -> () -> {
                try {
                    leases.findOneAndUpdate(Filters.and(Filters.eq("_id", "relay"), Filters.lt("expiresAt", now)),
                            Updates.combine(Updates.set("holder", "instance-" + i),
                                    Updates.set("expiresAt", new Date(now.getTime() + 10_000))),
                            new FindOneAndUpdateOptions().upsert(true));
                    return true;
                } catch (MongoCommandException e) {
                    assertThat(ErrorCategory.fromErrorCode(e.getErrorCode())).isEqualTo(ErrorCategory.DUPLICATE_KEY);
                    return false;
                }
            }).toList();

            assertThat(runTogether(claims)).containsOnlyOnce(true);
            assertThat(leases.find().first().getString("holder")).startsWith("instance-");
        });
    }

    @Test
    void aVersionedSaveChangesTheDocumentOnlyAtTheVersionItRead() {
        withDatabase(database -> {
            MongoCollection<Document> requests = database.getCollection("requests");
            requests.insertOne(new Document("_id", "a").append("version", 1).append("status", "NEW"));

            // the filter Spring Data sends for the save of a @Version document
            assertThat(requests.replaceOne(new Document("_id", "a").append("version", 1),
                    new Document("_id", "a").append("version", 2).append("status", "QUEUED")).getModifiedCount())
                    .isOne();
            assertThat(requests.replaceOne(new Document("_id", "a").append("version", 1),
                    new Document("_id", "a").append("version", 2).append("status", "LOST")).getMatchedCount())
                    .isZero();
            assertThat(requests.find().first()).containsEntry("status", "QUEUED").containsEntry("version", 2);
        });
    }

    @Test
    void changesArraysInsideADocument() {
        withDatabase(database -> {
            MongoCollection<Document> requests = database.getCollection("requests");
            requests.insertOne(new Document("_id", "a").append("outbox", List.of(new Document("eventId", "e1")))
                    .append("tags", List.of("billing")));

            requests.updateOne(Filters.eq("_id", "a"), Updates.combine(
                    Updates.push("outbox", new Document("eventId", "e2")), Updates.addToSet("tags", "billing")));
            requests.updateOne(Filters.eq("_id", "a"), Updates.combine(
                    Updates.pull("outbox", new Document("eventId", "e1")), Updates.addToSet("tags", "urgent")));

            Document request = requests.find().first();
            assertThat(request.getList("outbox", Document.class)).containsExactly(new Document("eventId", "e2"));
            assertThat(request.getList("tags", String.class)).containsExactly("billing", "urgent");
        });
    }

    @Test
    void aggregatesWithMatchGroupSortAndCount() {
        withDatabase(database -> {
            MongoCollection<Document> checkIns = database.getCollection("check_ins");
            checkIns.insertMany(List.of(checkIn("ann", 5), checkIn("ann", 5), checkIn("ann", 3), checkIn("bob", 1)));

            List<Document> scores = checkIns.aggregate(List.of(Aggregates.match(Filters.eq("agentId", "ann")),
                    Aggregates.group("$csat", Accumulators.sum("answers", 1)), Aggregates.sort(Sorts.ascending("_id"))))
                    .into(new ArrayList<>());
            Document counted = checkIns.aggregate(List.of(Aggregates.match(Filters.gte("csat", 3)),
                    Aggregates.count("answers"))).first();

            assertThat(scores).containsExactly(new Document("_id", 3).append("answers", 1),
                    new Document("_id", 5).append("answers", 2));
            assertThat(counted).isEqualTo(new Document("answers", 3));
        });
    }

    private static Document checkIn(String agent, int csat) {
        return new Document("agentId", agent).append("csat", csat);
    }

    private static void assertDuplicateKey(Runnable write) {
        assertThatThrownBy(write::run).isInstanceOfSatisfying(MongoWriteException.class,
                e -> assertThat(e.getError().getCategory()).isEqualTo(ErrorCategory.DUPLICATE_KEY));
    }

    private static List<Boolean> runTogether(List<Callable<Boolean>> tasks) {
        ExecutorService threads = Executors.newFixedThreadPool(tasks.size());
        try {
            List<Boolean> results = new ArrayList<>();
            for (Future<Boolean> result : threads.invokeAll(tasks)) {
                results.add(result.get());
            }
            return results;
        } catch (Exception e) {
            throw new AssertionError(e);
        } finally {
            threads.shutdownNow();
        }
    }

    // opens the store in the data directory, hands over a service's database, then stops the store again
    private void withDatabase(Consumer<MongoDatabase> use) {
        int port = Ports.free().mongo();
        try (MongoStore store = MongoStore.start(new DataDir(root).mongo(), port);
             MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + port)) {
            use.accept(client.getDatabase("intake-service"));
        }
    }
}
