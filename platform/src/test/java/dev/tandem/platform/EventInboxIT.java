package dev.tandem.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.tandem.contracts.EventCodec;
import dev.tandem.contracts.Topics;
import dev.tandem.contracts.intake.RequestSubmitted;
import dev.tandem.testsupport.TandemIntegrationTest;
import dev.tandem.testsupport.TopicProbe;
import java.time.Duration;
import org.junit.jupiter.api.Test;

@TandemIntegrationTest
class EventInboxIT {

    private static final String DEAD_LETTERS = "error." + Topics.INTAKE_REQUESTS + ".platform-test";

    private final TopicProbe topics = new TopicProbe();

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
