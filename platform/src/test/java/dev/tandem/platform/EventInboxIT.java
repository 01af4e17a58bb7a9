package dev.tandem.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mongodb.client.model.Filters;
import dev.tandem.contracts.EventCodec;
import dev.tandem.contracts.EventMetadata;
import dev.tandem.contracts.Topics;
import dev.tandem.contracts.intake.DetailsAdded;
import dev.tandem.contracts.intake.RequestSubmitted;
import dev.tandem.testsupport.TandemIntegrationTest;
import dev.tandem.testsupport.TopicProbe;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;

@TandemIntegrationTest
class EventInboxIT {

    private static final String DEAD_LETTERS = "error." + Topics.INTAKE_REQUESTS + ".platform-test";

    private final TopicProbe topics = new TopicProbe();

    @Autowired
    MongoTemplate mongo;

    @Test
    void aRedeliveredEventIsHandledOnce() {
        RequestSubmitted event = Events.submitted("delivered twice");
        RequestSubmitted next = Events.submitted("delivered after it");

        topics.send(Topics.INTAKE_REQUESTS, event.requestId(), EventCodec.encode(event));
        topics.send(Topics.INTAKE_REQUESTS, event.requestId(), EventCodec.encode(event));
        topics.send(Topics.INTAKE_REQUESTS, event.requestId(), EventCodec.encode(next));

        await().atMost(Duration.ofSeconds(30)).until(() -> PlatformTestApplication.HANDLED.contains(next));
        assertThat(PlatformTestApplication.HANDLED).filteredOn(event::equals).hasSize(1);
    }

    @Test
    void anEventOfATypeTheConsumerDoesNotHandleIsSkippedWithoutAnInboxEntry() {
        RequestSubmitted before = Events.submitted("before the details");
        DetailsAdded details = new DetailsAdded(EventMetadata.of(before.requestId(), "corr-details", Instant.now()),
                "more words");
        RequestSubmitted after = Events.submitted(before.requestId(), "after the details");

        topics.send(Topics.INTAKE_REQUESTS, before.requestId(), EventCodec.encode(before));
        topics.send(Topics.INTAKE_REQUESTS, before.requestId(), EventCodec.encode(details));
        topics.send(Topics.INTAKE_REQUESTS, before.requestId(), EventCodec.encode(after));

        // one key, one partition: once the event after it is handled, the details were read and passed over
        await().atMost(Duration.ofSeconds(30)).until(() -> PlatformTestApplication.HANDLED.contains(after));
        var processed = mongo.getCollection("processed_events");
        assertThat(processed.countDocuments(Filters.eq("_id", "probe:" + after.eventId()))).isOne();
        assertThat(processed.countDocuments(Filters.eq("_id", "probe:" + details.eventId()))).isZero();
    }

    @Test
    void aPoisonEventGoesToTheDeadLetterTopicAndThePartitionMovesOn() {
        String key = "poisoned-request";
        RequestSubmitted refused = Events.submitted("fail");
        RequestSubmitted behindIt = Events.submitted("queued behind the poison");

        topics.send(Topics.INTAKE_REQUESTS, key, "{this is not an event");
        topics.send(Topics.INTAKE_REQUESTS, key, EventCodec.encode(refused));
        topics.send(Topics.INTAKE_REQUESTS, key, EventCodec.encode(behindIt));

        await().atMost(Duration.ofSeconds(30)).until(() -> PlatformTestApplication.HANDLED.contains(behindIt));
        var malformed = topics.awaitRecord(DEAD_LETTERS, record -> record.value().equals("{this is not an event"));
        assertThat(malformed.key()).isEqualTo(key);
        assertThat(TopicProbe.header(malformed, "x-exception-message")).contains("Not a readable IntakeEvent");
        var failed = topics.awaitRecord(DEAD_LETTERS, record -> record.value().contains(refused.eventId()));
        assertThat(TopicProbe.header(failed, "x-exception-message")).contains("handler refuses");
        assertThat(PlatformTestApplication.HANDLED).doesNotContain(refused);
    }
}
