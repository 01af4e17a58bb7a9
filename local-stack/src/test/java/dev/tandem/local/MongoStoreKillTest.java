package dev.tandem.local;

import com.mongodb.ConnectionString;
import com.mongodb.ErrorCategory;
import com.mongodb.MongoClientSettings;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** What a kill of the store's JVM (SIGKILL, no shutdown) leaves of the writes it acknowledged. */
class MongoStoreKillTest {

    // the commit interval, and time for the commit itself and for a machine that runs other builds too
    private static final Duration MAY_BE_LOST = Duration.ofMillis(MongoStore.COMMIT_INTERVAL_MS + 400);
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    @TempDir
    Path root;

    @Test
    void aKillLosesOnlyTheWritesOfTheLastCommitIntervalAndKeepsTheUniqueIndex() throws Exception {
        Path file = new DataDir(root).mongo();
        int port = Ports.free().mongo();
        ChildProcess store = StoreProcess.start(file, port, root.resolve("store.log"));
        List<Writer> writers;
        long killedAt;
        try (MongoClient client = client(port)) {
            await().atMost(TIMEOUT).failFast(() -> !store.isAlive()).until(() -> Waiting.acceptsConnections(port));
            MongoCollection<Document> writes = writes(client);
            writes.createIndex(Indexes.ascending("key"), new IndexOptions().unique(true));
            writers = IntStream.range(0, 2).mapToObj(i -> new Writer("w" + i, writes)).toList();
            writers.forEach(Thread::start);

            // so that the kill comes while each writer has many writes that must survive and some that may not
            await().atMost(TIMEOUT).until(() -> writers.stream().allMatch(writer ->
                    writer.acknowledgedBefore(System.nanoTime() - MAY_BE_LOST.toNanos()) >= 100));
            killedAt = System.nanoTime();
            store.kill();
            for (Writer writer : writers) {
                writer.join(TIMEOUT.toMillis());
            }
        } finally {
            store.kill();
        }

        int port2 = Ports.free().mongo();
        try (MongoStore reopened = MongoStore.start(file, port2); MongoClient client = client(port2)) {
            MongoCollection<Document> writes = writes(client);
            for (Writer writer : writers) {
                int required = writer.acknowledgedBefore(killedAt - MAY_BE_LOST.toNanos());
                Document stored = writes.find(Filters.eq("_id", writer.getName())).first();
                int last = stored == null ? -1 : stored.getInteger("last");
                // the writes of a writer are acknowledged in order: the first `required` ones set last to 0..required-1
                assertThat(last).as("the last write of %s that survived; %d were acknowledged more than %d ms before"
                                + " the kill", writer.getName(), required, MAY_BE_LOST.toMillis())
                        .isGreaterThanOrEqualTo(required - 1);
            }
            assertThatThrownBy(() -> writes.insertOne(new Document("_id", "another").append("key", "w0")))
                    .isInstanceOfSatisfying(MongoWriteException.class,
                            e -> assertThat(e.getError().getCategory()).isEqualTo(ErrorCategory.DUPLICATE_KEY));
        }
    }

    private static MongoCollection<Document> writes(MongoClient client) {
        return client.getDatabase("intake-service").getCollection("writes");
    }

    private static MongoClient client(int port) {
        // once the store is gone, a write fails within a second instead of waiting for it to come back
        return MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString("mongodb://127.0.0.1:" + port))
                .applyToClusterSettings(cluster -> cluster.serverSelectionTimeout(1, TimeUnit.SECONDS))
                .retryWrites(false)
                .build());
    }

    /** Sets its own document's {@code last} to 0, 1, 2... one write at a time until one fails; notes each answer. */
    private static final class Writer extends Thread {

        private final MongoCollection<Document> writes;
        private final List<Long> acknowledgedAt = new ArrayList<>();

        Writer(String name, MongoCollection<Document> writes) {
            super(name);
            this.writes = writes;
        }

        @Override
        public void run() {
            try {
                for (int n = 0; ; n++) {
                    writes.updateOne(Filters.eq("_id", getName()),
                            Updates.combine(Updates.set("last", n), Updates.setOnInsert("key", getName())),
                            new UpdateOptions().upsert(true));
                    synchronized (this) {
                        acknowledgedAt.add(System.nanoTime());
                    }
                }
            } catch (RuntimeException storeGone) {
                // the kill: this write and all later ones were never acknowledged
            }
        }

        synchronized int acknowledged() {
            return acknowledgedAt.size();
        }

        synchronized int acknowledgedBefore(long nanoTime) {
            return (int) acknowledgedAt.stream().filter(at -> at < nanoTime).count();
        }
    }
}
