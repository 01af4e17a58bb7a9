package dev.tandem.local;

import com.mongodb.ConnectionString;
import com.mongodb.ErrorCategory;
import com.mongodb.MongoClientSettings;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.bson.Document;
import org.bson.UuidRepresentation;
import org.bson.conversions.Bson;
import org.bson.types.Binary;
import org.bson.types.Decimal128;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

class DurableMemoryBackendTest {

    @TempDir
    Path dir;

    @Test
    void insertedUpdatedAndDeletedDocumentsComeBackTheSameAfterARestart() {
        Map<String, List<Document>> before;
        ObjectId objectId = new ObjectId();
        try (Store store = open()) {
            MongoCollection<Document> requests = store.collection("intake-service", "requests");
            for (int i = 0; i < 30; i++) {
                requests.insertOne(request("r" + i));
            }
            requests.insertOne(new Document("_id", objectId).append("status", "NEW"));
            requests.updateOne(Filters.eq("_id", "r1"), Updates.combine(Updates.set("status", "QUEUED"),
                    Updates.inc("version", 1), Updates.set("nested.deeper.value", 2.5)));
            requests.updateOne(Filters.eq("_id", "r2"), Updates.push("outbox", new Document("eventId", "er2b")));
            requests.updateOne(Filters.eq("_id", "r3"), Updates.pull("outbox", new Document("eventId", "er3")));
            requests.updateMany(Filters.in("_id", "r4", "r5", "r6"), Updates.set("flag", true));
            requests.replaceOne(Filters.and(Filters.eq("_id", "r7"), Filters.eq("version", 0)),
                    new Document("_id", "r7").append("version", 1).append("status", "REPLACED"));
            Document upserted = requests.findOneAndUpdate(Filters.eq("_id", "new-one"),
                    Updates.combine(Updates.setOnInsert("created", true), Updates.push("log", "first")),
                    new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.AFTER));
            assertThat(upserted).containsEntry("created", true);
            requests.findOneAndUpdate(Filters.eq("_id", "r8"), Updates.unset("payload"));
            requests.deleteOne(Filters.eq("_id", "r9"));
            requests.findOneAndDelete(Filters.eq("_id", "r10"));
            requests.deleteMany(Filters.in("_id", "r11", "r12"));
            requests.insertOne(request("r9")); // again, after it was deleted
            MongoCollection<Document> other = store.collection("routing-service", "routes");
            other.insertMany(List.of(new Document("_id", 1).append("n", 1L), new Document("_id", 2L).append("n", 2)));
            other.updateOne(Filters.eq("_id", 1), Updates.inc("n", 5L));
            before = store.dump();
        }

        try (Store store = open()) {
            assertThat(store.dump()).isEqualTo(before);
            MongoCollection<Document> requests = store.collection("intake-service", "requests");
            // 30, the one with an ObjectId and the upserted one, less 4 deleted, and r9 again
            assertThat(requests.countDocuments()).isEqualTo(30 + 1 + 1 - 4 + 1);
            assertThat(requests.find(Filters.eq("_id", "r10")).first()).isNull();
            assertThat(requests.find(Filters.eq("_id", "r2")).first().getList("outbox", Document.class))
                    .extracting(event -> event.getString("eventId")).containsExactly("er2", "er2b");
            assertThat(requests.find(Filters.eq("_id", "r3")).first().getList("outbox", Document.class)).isEmpty();
            assertThat(requests.find(Filters.eq("_id", objectId)).first()).containsEntry("status", "NEW");
            // and it goes on taking changes, which survive the next restart too
            requests.updateOne(Filters.eq("_id", "new-one"), Updates.push("log", "second"));
        }
        try (Store store = open()) {
            assertThat(store.collection("intake-service", "requests").find(Filters.eq("_id", "new-one")).first()
                    .getList("log", String.class)).containsExactly("first", "second");
        }
    }

    @Test
    void aUniqueIndexStillRejectsDuplicatesAfterARestart() {
        try (Store store = open()) {
            MongoCollection<Document> keys = store.collection("intake-service", "idempotency");
            keys.createIndex(Indexes.ascending("key"), new IndexOptions().unique(true).name("key_unique"));
            keys.insertOne(new Document("_id", "a").append("key", "k1"));
            keys.insertOne(new Document("_id", "b").append("key", "k2"));
        }

        try (Store store = open()) {
            MongoCollection<Document> keys = store.collection("intake-service", "idempotency");
            assertThat(keys.listIndexes()).anySatisfy(index -> {
                assertThat(index.getString("name")).isEqualTo("key_unique");
                assertThat(index.getBoolean("unique")).isTrue();
            });
            assertThatThrownBy(() -> keys.insertOne(new Document("_id", "c").append("key", "k1")))
                    .isInstanceOfSatisfying(MongoWriteException.class, e ->
                            assertThat(e.getError().getCategory()).isEqualTo(ErrorCategory.DUPLICATE_KEY));
            assertThatThrownBy(() -> keys.updateOne(Filters.eq("_id", "b"), Updates.set("key", "k1")))
                    .isInstanceOf(MongoWriteException.class);
            assertThatThrownBy(() -> keys.insertOne(new Document("_id", "a").append("key", "k3")))
                    .isInstanceOf(MongoWriteException.class);
            keys.insertOne(new Document("_id", "c").append("key", "k3"));
        }
        try (Store store = open()) {
            assertThat(store.collection("intake-service", "idempotency").find().sort(Sorts.ascending("_id")))
                    .extracting(document -> document.getString("key")).containsExactly("k1", "k2", "k3");
        }
    }

    @Test
    void aSparseIndexAnswersWhichDocumentsHaveItsFieldAcrossChangesAndRestarts() {
        Bson pending = Filters.exists("outbox.eventId");
        try (Store store = open()) {
            MongoCollection<Document> requests = store.collection("intake-service", "requests");
            requests.insertOne(new Document("_id", "before-the-index").append("outbox", List.of(event("e0"))));
            requests.createIndex(Indexes.ascending("outbox.eventId"),
                    new IndexOptions().sparse(true).name("outbox_pending"));
            requests.insertOne(new Document("_id", "r1").append("outbox", List.of(event("e1"), event("e2"))));
            requests.insertOne(new Document("_id", "r2").append("outbox", List.of()));
            requests.insertOne(new Document("_id", "r3").append("outbox", List.of(event("e3"))));
            requests.insertOne(new Document("_id", "r4").append("status", "NEW"));
            requests.updateOne(Filters.eq("_id", "r1"), Updates.pull("outbox", new Document("eventId", "e1")));
            requests.updateOne(Filters.eq("_id", "r3"), Updates.pull("outbox", new Document("eventId", "e3")));
            requests.updateOne(Filters.eq("_id", "r2"), Updates.push("outbox", event("e4")));
            requests.replaceOne(Filters.eq("_id", "r4"), new Document("_id", "r4").append("outbox", List.of(event("e5"))));
            requests.deleteOne(Filters.eq("_id", "before-the-index"));

            assertThat(requests.find(pending)).extracting(document -> document.getString("_id"))
                    .containsExactly("r1", "r2", "r4");
            assertThat(presenceIndex(store, "requests").getCount()).as("answered from the index").isEqualTo(3);
            assertThat(requests.find(pending).limit(2)).hasSize(2);
            assertThat(requests.countDocuments(pending)).isEqualTo(3);
        }

        try (Store store = open()) {
            MongoCollection<Document> requests = store.collection("intake-service", "requests");
            assertThat(requests.listIndexes()).anySatisfy(index -> {
                assertThat(index.getString("name")).isEqualTo("outbox_pending");
                assertThat(index.getBoolean("sparse")).isTrue();
            });
            assertThat(presenceIndex(store, "requests").getCount()).isEqualTo(3);
            requests.updateMany(Filters.in("_id", "r1", "r2"), Updates.set("outbox", List.of()));
            assertThat(requests.find(pending)).extracting(document -> document.getString("_id"))
                    .containsExactly("r4");
            assertThat(requests.find(Filters.exists("outbox.0"))).as("other filters still scan")
                    .extracting(document -> document.getString("_id")).containsExactly("r4");
        }
    }

    @Test
    void droppedIndexesCollectionsAndDatabasesAndRenamesSurviveARestart() {
        try (Store store = open()) {
            MongoDatabase database = store.client.getDatabase("x");
            database.getCollection("a").insertOne(new Document("_id", 1).append("k", 1));
            database.getCollection("a").createIndex(Indexes.ascending("k"), new IndexOptions().unique(true));
            database.getCollection("a").dropIndex("k_1");
            database.getCollection("b").insertOne(new Document("_id", 1));
            database.getCollection("b").drop();
            database.getCollection("c").insertOne(new Document("_id", "moved"));
            database.createCollection("empty");
            store.client.getDatabase("y").getCollection("z").insertOne(new Document("_id", 1));
            store.client.getDatabase("y").drop();
            database.getCollection("c").renameCollection(new com.mongodb.MongoNamespace("x", "d"));
        }

        try (Store store = open()) {
            MongoDatabase database = store.client.getDatabase("x");
            assertThat(database.listCollectionNames()).containsExactlyInAnyOrder("a", "d", "empty");
            assertThat(database.getCollection("a").listIndexes()).extracting(index -> index.getString("name"))
                    .containsExactly("_id_");
            // the dropped index is gone: k may repeat
            database.getCollection("a").insertOne(new Document("_id", 2).append("k", 1));
            assertThat(database.getCollection("d").find()).containsExactly(new Document("_id", "moved"));
            assertThat(store.client.getDatabase("y").listCollectionNames()).isEmpty();
        }
    }

    @Test
    void aJournalCutShortInItsLastRecordReplaysEverythingBeforeIt() throws IOException {
        writeTenDocuments();
        try (RandomAccessFile file = new RandomAccessFile(journal().toFile(), "rw")) {
            file.setLength(file.length() - 5);
        }

        assertNineOfTenDocumentsSurviveAndTheStoreGoesOn();
    }

    @Test
    void aJournalWithAGarbledLastRecordReplaysEverythingBeforeIt() throws IOException {
        writeTenDocuments();
        try (RandomAccessFile file = new RandomAccessFile(journal().toFile(), "rw")) {
            file.seek(file.length() - 20);
            int value = file.read();
            file.seek(file.length() - 20);
            file.write(value ^ 0x5a);
        }

        assertNineOfTenDocumentsSurviveAndTheStoreGoesOn();
    }

    @Test
    void aJournalWithGarbageAfterItsLastRecordReplaysEverythingBeforeIt() throws IOException {
        writeTenDocuments();
        // as a crash of the machine can leave a file that was extended but not written
        Files.write(journal(), new byte[4096], java.nio.file.StandardOpenOption.APPEND);

        try (Store store = open()) {
            assertThat(store.collection("db", "docs").countDocuments()).isEqualTo(10);
        }
    }

    private void writeTenDocuments() {
        try (Store store = open()) {
            for (int i = 0; i < 10; i++) {
                store.collection("db", "docs").insertOne(new Document("_id", i).append("value", "v" + i));
            }
        }
    }

    private void assertNineOfTenDocumentsSurviveAndTheStoreGoesOn() {
        try (Store store = open()) {
            MongoCollection<Document> docs = store.collection("db", "docs");
            assertThat(docs.find().sort(Sorts.ascending("_id"))).extracting(document -> document.getInteger("_id"))
                    .containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8);
            docs.insertOne(new Document("_id", 9).append("value", "again"));
        }
        assertThat(journal().resolveSibling("tandem.journal.damaged")).exists();
        try (Store store = open()) {
            assertThat(store.collection("db", "docs").countDocuments()).isEqualTo(10);
        }
    }

    @Test
    void startingCompactsTheJournalAndKeepsTheData() throws IOException {
        Map<String, List<Document>> before;
        try (Store store = open()) {
            MongoCollection<Document> requests = store.collection("intake-service", "requests");
            for (int i = 0; i < 100; i++) {
                requests.insertOne(request("r" + i));
            }
            for (int round = 0; round < 10; round++) {
                for (int i = 0; i < 100; i++) {
                    requests.updateOne(Filters.eq("_id", "r" + i), Updates.inc("version", 1));
                }
            }
            requests.deleteMany(Filters.in("_id", "r0", "r1", "r2"));
            before = store.dump();
        }
        long grown = Files.size(journal());

        try (Store store = open()) {
            assertThat(store.dump()).isEqualTo(before);
        }
        long compacted = Files.size(journal());
        assertThat(compacted).isLessThan(grown / 8);

        // a start that changes nothing writes the same again: the replay wrote nothing back
        try (Store store = open()) {
            assertThat(store.dump()).isEqualTo(before);
        }
        assertThat(Files.size(journal())).isEqualTo(compacted);
    }

    @Test
    void compactsOnlineWhileWritesGoOnAndLosesNone() throws Exception {
        try (Store store = open()) {
            MongoCollection<Document> counters = store.collection("db", "counters");
            for (int i = 0; i < 200; i++) {
                counters.insertOne(new Document("_id", "c" + i).append("count", 0).append("pad", "p".repeat(200)));
            }
            AtomicBoolean writing = new AtomicBoolean(true);
            AtomicReference<Throwable> failure = new AtomicReference<>();
            Thread writer = new Thread(() -> {
                Random random = new Random(7);
                int next = 0;
                try {
                    while (writing.get()) {
                        counters.updateOne(Filters.eq("_id", "c" + random.nextInt(200)), Updates.inc("count", 1));
                        counters.insertOne(new Document("_id", "n" + next).append("count", next));
                        if (next % 3 == 0) {
                            counters.deleteOne(Filters.eq("_id", "n" + (next / 2)));
                        }
                        next++;
                    }
                } catch (Throwable e) {
                    failure.set(e);
                }
            });
            writer.start();
            for (int i = 0; i < 10; i++) {
                Thread.sleep(50);
                store.backend.compact();
            }
            writing.set(false);
            writer.join();
            assertThat(failure.get()).isNull();
            assertThat(counters.countDocuments(Filters.regex("_id", "^n"))).isPositive();
            Map<String, List<Document>> before = store.dump();
            store.close();

            try (Store reopened = open()) {
                assertThat(reopened.dump()).isEqualTo(before);
            }
        }
    }

    @Test
    void compactsOnItsOwnOnceTheJournalIsManyTimesTheLiveData() {
        try (Store store = new Store(DurableMemoryBackend.open(journal(), legacyFile(), 64 * 1024, 4))) {
            MongoCollection<Document> docs = store.collection("db", "docs");
            docs.insertOne(new Document("_id", "only").append("count", 0).append("pad", "p".repeat(500)));
            for (int i = 0; i < 1000; i++) {
                docs.updateOne(Filters.eq("_id", "only"), Updates.inc("count", 1));
            }
            assertThat(store.backend.journalSize()).isGreaterThan(4 * store.backend.liveBytes()).isGreaterThan(64 * 1024);

            await().atMost(Duration.ofSeconds(10)).until(() -> store.backend.journalSize() < 64 * 1024);
            docs.updateOne(Filters.eq("_id", "only"), Updates.inc("count", 1));
        }
        try (Store store = open()) {
            assertThat(store.collection("db", "docs").find().first()).containsEntry("count", 1001);
        }
    }

    @Test
    void everyAcknowledgedChangeIsInTheFileBeforeTheAnswerAsACrashWouldFindIt() throws IOException {
        Path copy = dir.resolve("crashed").resolve("tandem.journal");
        Files.createDirectories(copy.getParent());
        Map<String, List<Document>> acknowledged;
        try (Store store = open()) {
            MongoCollection<Document> requests = store.collection("intake-service", "requests");
            requests.insertOne(request("a"));
            requests.insertOne(request("b"));
            requests.updateOne(Filters.eq("_id", "a"), Updates.pull("outbox", new Document("eventId", "era")));
            requests.deleteOne(Filters.eq("_id", "b"));
            acknowledged = store.dump();
            // the launcher dies here: the file is as the operating system has it, without a close or a force
            Files.copy(journal(), copy);
        }

        try (Store store = new Store(DurableMemoryBackend.open(copy, null))) {
            assertThat(store.dump()).isEqualTo(acknowledged);
        }
    }

    @Test
    void importsTheDataOfTheH2BackendOnceAndKeepsItsFileAside() throws IOException {
        Files.createDirectories(legacyFile().getParent());
        Map<String, List<Document>> inH2;
        H2Backend h2 = new H2Backend(legacyFile().toString());
        try (Store store = new Store(h2)) {
            MongoCollection<Document> requests = store.collection("intake-service", "requests");
            requests.createIndex(Indexes.ascending("key"), new IndexOptions().unique(true));
            requests.insertMany(List.of(request("a").append("key", "k1"), request("b").append("key", "k2")));
            requests.updateOne(Filters.eq("_id", "a"), Updates.pull("outbox", new Document("eventId", "era")));
            store.collection("feedback-service", "feedback").insertOne(new Document("_id", new ObjectId())
                    .append("at", Date.from(Instant.parse("2025-01-02T03:04:05Z"))).append("score", 4));
            inH2 = store.dump();
        }

        try (Store store = open()) {
            assertThat(store.dump()).isEqualTo(inH2);
            assertThatThrownBy(() -> store.collection("intake-service", "requests")
                    .insertOne(new Document("_id", "c").append("key", "k1"))).isInstanceOf(MongoWriteException.class);
        }
        assertThat(legacyFile()).doesNotExist();
        assertThat(legacyFile().resolveSibling("tandem.mv.imported")).exists();
        try (Store store = open()) {
            assertThat(store.dump()).isEqualTo(inH2);
        }
    }

    @Test
    void aFilterOnIdAndVersionMatchesOnlyTheCurrentVersionOfThatDocument() {
        try (Store store = open()) {
            MongoCollection<Document> requests = store.collection("intake-service", "requests");
            requests.insertMany(List.of(new Document("_id", "a").append("version", 1).append("status", "NEW"),
                    new Document("_id", "b").append("version", 1).append("status", "NEW")));

            assertThat(requests.updateOne(Filters.and(Filters.eq("_id", "a"), Filters.eq("version", 1)),
                    Updates.combine(Updates.set("status", "QUEUED"), Updates.set("version", 2)))
                    .getModifiedCount()).isEqualTo(1);
            // a save from a stale copy changes nothing
            assertThat(requests.updateOne(Filters.and(Filters.eq("_id", "a"), Filters.eq("version", 1)),
                    Updates.set("status", "LOST")).getMatchedCount()).isZero();

            assertThat(requests.find(Filters.and(Filters.eq("_id", "a"), Filters.eq("status", "QUEUED"))))
                    .extracting(document -> document.get("version")).containsExactly(2);
            // the filter as Spring Data sends it for the save of a versioned document
            assertThat(requests.replaceOne(new Document("_id", "a").append("version", 2),
                    new Document("_id", "a").append("version", 3).append("status", "SENT")).getModifiedCount())
                    .isEqualTo(1);
            assertThat(requests.replaceOne(new Document("_id", "a").append("version", 2),
                    new Document("_id", "a").append("version", 3).append("status", "LOST")).getMatchedCount())
                    .isZero();
            assertThat(requests.find(new Document("_id", "a").append("version", 3))).hasSize(1);
            assertThat(requests.find(Filters.and(Filters.eq("_id", "b"), Filters.eq("version", 1)))).hasSize(1);
            assertThat(requests.find(Filters.and(Filters.eq("_id", "nobody"), Filters.eq("version", 1)))).isEmpty();
            assertThat(requests.deleteOne(Filters.and(Filters.eq("_id", "b"), Filters.eq("version", 7)))
                    .getDeletedCount()).isZero();
        }
    }

    @Test
    void findsDocumentsWithObjectIdsAndFiltersWithoutAnIdAsBefore() {
        ObjectId id = new ObjectId();
        try (Store store = open()) {
            MongoCollection<Document> requests = store.collection("intake-service", "requests");
            requests.insertMany(List.of(new Document("_id", id).append("status", "NEW"),
                    new Document("status", "NEW"), new Document("status", "DONE")));

            assertThat(requests.find(Filters.and(Filters.eq("_id", id), Filters.eq("status", "NEW")))).hasSize(1);
            assertThat(requests.find(Filters.and(Filters.in("_id", id), Filters.eq("status", "NEW")))).hasSize(1);
            assertThat(requests.find(Filters.eq("status", "NEW"))).hasSize(2);
        }
    }

    private static Document event(String id) {
        return new Document("eventId", id).append("topic", "tandem.intake.requests.v1");
    }

    // the store's own view: which index answers the filter
    private static Index<?> presenceIndex(Store store, String collection) {
        return store.backend.resolveDatabase("intake-service").resolveCollection(collection, true).getIndexes()
                .stream().filter(PresenceIndex.class::isInstance).findFirst().orElseThrow();
    }

    private static Document request(String id) {
        return new Document("_id", id)
                .append("version", 0)
                .append("status", "NEW")
                .append("count", 7L)
                .append("ratio", 0.25)
                .append("amount", Decimal128.parse("12.50"))
                .append("at", Date.from(Instant.parse("2025-06-01T12:00:00Z")))
                .append("requester", UUID.nameUUIDFromBytes(id.getBytes()))
                .append("bytes", new Binary(new byte[] {1, 2, 3}))
                .append("nothing", null)
                .append("payload", "x".repeat(300))
                .append("nested", new Document("deeper", new Document("value", 1)).append("list", List.of(1, "two", 3.0)))
                .append("outbox", new ArrayList<>(List.of(new Document("eventId", "e" + id).append("type", "RequestSubmitted"))));
    }

    private Path journal() {
        return dir.resolve("mongo").resolve("tandem.journal");
    }

    private Path legacyFile() {
        return dir.resolve("mongo").resolve("tandem.mv");
    }

    private Store open() {
        return new Store(DurableMemoryBackend.open(journal(), legacyFile()));
    }

    /** A backend served on a free port, with a client; closing stops all three. */
    private static final class Store implements AutoCloseable {

        final DurableMemoryBackend backend;
        private final MongoBackend served;
        private final MongoServer server;
        final MongoClient client;
        private boolean closed;

        Store(MongoBackend backend) {
            this.served = backend;
            this.backend = backend instanceof DurableMemoryBackend durable ? durable : null;
            this.server = new MongoServer(backend);
            InetSocketAddress address = server.bind();
            this.client = MongoClients.create(MongoClientSettings.builder()
                    .applyConnectionString(new ConnectionString("mongodb://127.0.0.1:" + address.getPort()))
                    .uuidRepresentation(UuidRepresentation.STANDARD)
                    .build());
        }

        MongoCollection<Document> collection(String database, String collection) {
            return client.getDatabase(database).getCollection(collection);
        }

        /** Every collection's documents in _id order and its indexes, by database and collection name. */
        Map<String, List<Document>> dump() {
            Map<String, List<Document>> dump = new TreeMap<>();
            for (String databaseName : client.listDatabaseNames()) {
                MongoDatabase database = client.getDatabase(databaseName);
                for (String collectionName : database.listCollectionNames()) {
                    MongoCollection<Document> collection = database.getCollection(collectionName);
                    String name = databaseName + "." + collectionName;
                    dump.put(name, collection.find().sort(Sorts.ascending("_id")).into(new ArrayList<>()));
                    List<Document> indexes = new ArrayList<>();
                    for (Document index : collection.listIndexes()) {
                        indexes.add(new Document("name", index.get("name")).append("key", index.get("key"))
                                .append("unique", index.get("unique")));
                    }
                    indexes.sort(java.util.Comparator.comparing(index -> index.getString("name")));
                    dump.put(name + " indexes", indexes);
                }
            }
            return dump;
        }

        @Override
        public void close() {
            if (closed) {
                return;
            }
            closed = true;
            client.close();
            server.shutdownNow();
            served.close();
        }
    }
}
