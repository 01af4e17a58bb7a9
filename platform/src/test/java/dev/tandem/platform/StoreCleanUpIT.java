package dev.tandem.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mongodb.client.MongoCollection;
import dev.tandem.testsupport.TandemIntegrationTest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.context.TestPropertySource;

/** Where TTL indexes do nothing (the local store), the services forget what has expired by themselves. */
@TandemIntegrationTest
@TestPropertySource(properties = {"tandem.inbox.cleanup-interval=100ms", "tandem.idempotency.cleanup-interval=100ms"})
class StoreCleanUpIT {

    @Autowired
    MongoTemplate mongo;

    @Test
    void handledEventsPastTheirRetentionAndExpiredIdempotencyKeysAreForgotten() {
        Instant now = Instant.now();
        MongoCollection<Document> handled = mongo.getCollection("processed_events");
        handled.insertMany(List.of(handled("cleanup:past-retention", now.minus(Duration.ofDays(31))),
                handled("cleanup:within-retention", now.minus(Duration.ofDays(29)))));
        MongoCollection<Document> keys = mongo.getCollection("idempotency_keys");
        keys.insertMany(List.of(key("ada\nexpired", now.minusSeconds(1)),
                key("ada\nvalid", now.plus(Duration.ofHours(1)))));

        await().untilAsserted(() -> {
            assertThat(ids(handled)).doesNotContain("cleanup:past-retention").contains("cleanup:within-retention");
            assertThat(ids(keys)).doesNotContain("ada\nexpired").contains("ada\nvalid");
        });
    }

    // as EventInbox and IdempotencyKeys store them
    private static Document handled(String id, Instant at) {
        return new Document("_id", id).append("processedAt", Date.from(at));
    }

    private static Document key(String id, Instant expiresAt) {
        return new Document("_id", id).append("expiresAt", Date.from(expiresAt));
    }

    private static List<Object> ids(MongoCollection<Document> collection) {
        return collection.find().map(document -> document.get("_id")).into(new ArrayList<>());
    }
}
