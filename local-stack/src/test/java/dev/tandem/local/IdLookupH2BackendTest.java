package dev.tandem.local;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class IdLookupH2BackendTest {

    @TempDir
    Path dir;

    @Test
    void aFilterOnIdAndVersionMatchesOnlyTheCurrentVersionOfThatDocument() {
        withCollection(new IdLookupH2Backend(dir.resolve("store.mv").toString()), requests -> {
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
            assertThat(requests.find(Filters.and(Filters.eq("_id", "b"), Filters.eq("version", 1)))).hasSize(1);
            assertThat(requests.find(Filters.and(Filters.eq("_id", "nobody"), Filters.eq("version", 1)))).isEmpty();
            assertThat(requests.deleteOne(Filters.and(Filters.eq("_id", "b"), Filters.eq("version", 7)))
                    .getDeletedCount()).isZero();
        });
    }

    @Test
    void findsDocumentsWithObjectIdsAndFiltersWithoutAnIdAsBefore() {
        ObjectId id = new ObjectId();
        withCollection(new IdLookupH2Backend(dir.resolve("store.mv").toString()), requests -> {
            requests.insertMany(List.of(new Document("_id", id).append("status", "NEW"),
                    new Document("status", "NEW"), new Document("status", "DONE")));

            assertThat(requests.find(Filters.and(Filters.eq("_id", id), Filters.eq("status", "NEW")))).hasSize(1);
            assertThat(requests.find(Filters.and(Filters.in("_id", id), Filters.eq("status", "NEW")))).hasSize(1);
            assertThat(requests.find(Filters.eq("status", "NEW"))).hasSize(2);
        });
    }

    @Test
    void readsTheDataThePlainH2BackendWrote() {
        String file = dir.resolve("store.mv").toString();
        withCollection(new H2Backend(file), requests -> requests.insertOne(new Document("_id", "a").append("version", 3)));

        withCollection(new IdLookupH2Backend(file), requests ->
                assertThat(requests.find(Filters.and(Filters.eq("_id", "a"), Filters.eq("version", 3)))).hasSize(1));
    }

    private static void withCollection(H2Backend backend, Consumer<MongoCollection<Document>> use) {
        MongoServer server = new MongoServer(backend);
        try {
            InetSocketAddress address = server.bind();
            try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + address.getPort())) {
                use.accept(client.getDatabase("intake-service").getCollection("requests"));
            }
        } finally {
            server.shutdownNow();
            backend.close();
        }
    }
}
