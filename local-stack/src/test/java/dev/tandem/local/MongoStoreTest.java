package dev.tandem.local;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import java.nio.file.Path;
import java.util.function.Consumer;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class MongoStoreTest {

    @TempDir
    Path root;

    @Test
    void keepsItsDataInTheDataDirectoryAcrossRestarts() {
        DataDir data = new DataDir(root);
        withRequests(data, requests -> {
            requests.insertOne(new Document("_id", "a").append("status", "NEW"));
            requests.updateOne(Filters.eq("_id", "a"), Updates.set("status", "QUEUED"));
        });

        withRequests(data, requests ->
                assertThat(requests.find().first()).isEqualTo(new Document("_id", "a").append("status", "QUEUED")));
        assertThat(data.mongoJournal()).exists().hasParent(root.resolve("mongo"));
    }

    private static void withRequests(DataDir data, Consumer<MongoCollection<Document>> use) {
        int port = Ports.free().mongo();
        try (MongoStore store = MongoStore.start(data.mongoJournal(), data.legacyMongoFile(), port);
             MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + port)) {
            use.accept(client.getDatabase("intake-service").getCollection("requests"));
        }
    }
}
