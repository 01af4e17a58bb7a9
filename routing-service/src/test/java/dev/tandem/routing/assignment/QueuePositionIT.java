package dev.tandem.routing.assignment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import dev.tandem.contracts.intake.Urgency;
import dev.tandem.contracts.routing.QueuePositionChanged;
import dev.tandem.contracts.routing.RequestAssigned;
import dev.tandem.contracts.routing.RequestQueued;
import dev.tandem.contracts.routing.RoutingEvent;
import dev.tandem.routing.SharedRoutingContext;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Waiting requests learn their place in line and their likely wait, when they join and whenever it changes
 * notably (at most once a second in tests: see the test resources' {@code config/application.yaml}).
 */
@SharedRoutingContext
class QueuePositionIT extends AbstractDeskIT {

    @Test
    void requestsWaitingForTheSameSkillAndLanguageAreNumberedAndMoveUpWhenTheFirstIsAccepted() {
        String grace = desk.registerAgent("Grace", billing, "en", 1);
        String first = queue(Urgency.NORMAL, "en");
        String second = queue(Urgency.NORMAL, "en");
        String third = queue(Urgency.NORMAL, "en");

        assertThat(List.of(queued(first), queued(second), queued(third)))
                .extracting(RequestQueued::position, RequestQueued::estimatedWait)
                .containsExactly(tuple(1, null), tuple(2, null), tuple(3, null));
        // several sweeps, in which nothing changes: nothing more is published
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5))
                .until(() -> "WAITING".equals(desk.request(third).text("/status")));
        assertThat(desk.published(third)).singleElement().isInstanceOf(RequestQueued.class);

        desk.presence(grace, "AVAILABLE");
        assertThat(desk.awaitOffered(first)).isEqualTo(grace);
        assertThat(desk.accept(grace, first).status()).isEqualTo(200);

        QueuePositionChanged secondMoved = moved(second, 1);
        QueuePositionChanged thirdMoved = moved(third, 2);
        // the first request's wait is the one observation of this line, and Grace is available
        assertThat(secondMoved.estimatedWait()).isNotNull().isGreaterThanOrEqualTo(Duration.ofMinutes(1));
        assertThat(thirdMoved.estimatedWait()).isNotNull().isGreaterThanOrEqualTo(secondMoved.estimatedWait());
        assertThat(secondMoved.queue()).isEqualTo(billing);
        desk.awaitPublished(first, RequestAssigned.class, event -> true);
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5))
                .until(() -> "WAITING".equals(desk.request(third).text("/status")));
        assertThat(types(desk.published(first))).doesNotContain("QueuePositionChanged");
        assertThat(types(desk.published(second))).containsExactly("RequestQueued", "QueuePositionChanged");
        assertThat(types(desk.published(third))).containsExactly("RequestQueued", "QueuePositionChanged");
    }

    @Test
    void aMoreUrgentRequestGoesAheadWhileARequestInAnotherLanguageWaitsInALineOfItsOwn() {
        String normal = queue(Urgency.NORMAL, "en");
        String german = queue(Urgency.NORMAL, "de");
        String critical = queue(Urgency.CRITICAL, "en");

        assertThat(queued(normal).position()).isEqualTo(1);
        assertThat(queued(german).position()).isEqualTo(1);
        assertThat(queued(critical).position()).isEqualTo(1);
        assertThat(moved(normal, 2).estimatedWait()).isNull();
    }

    @Test
    void anOfferedRequestStandsAheadOfAnyUrgencyAndARegionalVariantJoinsItsLanguagesLine() {
        String grace = desk.registerAgent("Grace", billing, "en", 1);
        desk.presence(grace, "AVAILABLE");
        String offered = queue(Urgency.LOW, "en");
        assertThat(desk.awaitOffered(offered)).isEqualTo(grace);

        String british = queue(Urgency.CRITICAL, "en-GB");
        String plain = queue(Urgency.CRITICAL, "EN");
        String low = queue(Urgency.LOW, "en-US");

        assertThat(List.of(queued(british), queued(plain), queued(low))).extracting(RequestQueued::position)
                .containsExactly(2, 3, 4);
    }

    @Test
    void aRequestAnotherInstanceQueuedCountsOnceThisInstanceReadsTheStoreAgain(@Autowired MongoTemplate ours) {
        String waiting = queue(Urgency.NORMAL, "en");
        assertThat(queued(waiting).position()).isEqualTo(1);

        // another instance's write: straight to the store, which this instance hears nothing of
        MongoTemplate anotherInstances = new MongoTemplate(ours.getMongoDatabaseFactory(), ours.getConverter());
        String urgent = "another-" + UUID.randomUUID();
        Instant now = Instant.now();
        anotherInstances.insert(Requests.queued(Requests.submitted(urgent, billing, "en", Urgency.CRITICAL,
                "c-" + urgent, now), now));

        // within the reload interval (2 s in tests) this instance learns of it, and the waiting request moves back
        assertThat(moved(waiting, 2).queue()).isEqualTo(billing);
        assertThat(queued(queue(Urgency.NORMAL, "en")).position()).isEqualTo(3);
    }

    private String queue(Urgency urgency, String language) {
        String requestId = desk.submit(billing, language, urgency).requestId();
        // one after the other, so that each joins the line after the one before
        desk.awaitPublished(requestId, RequestQueued.class, event -> true);
        return requestId;
    }

    private RequestQueued queued(String requestId) {
        return (RequestQueued) RoutingDesk.decode(desk.awaitPublished(requestId, RequestQueued.class, event -> true));
    }

    private QueuePositionChanged moved(String requestId, int position) {
        return (QueuePositionChanged) RoutingDesk.decode(desk.awaitPublished(requestId, QueuePositionChanged.class,
                event -> event.position() == position));
    }

    private static List<String> types(List<RoutingEvent> events) {
        return events.stream().map(RoutingEvent::type).toList();
    }
}
