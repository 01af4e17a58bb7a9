package dev.tandem.intake.request;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.tandem.contracts.EventCodec;
import dev.tandem.contracts.EventMetadata;
import dev.tandem.contracts.Topics;
import dev.tandem.contracts.routing.HandoffKind;
import dev.tandem.contracts.routing.QueuePositionChanged;
import dev.tandem.contracts.routing.RequestAssigned;
import dev.tandem.contracts.routing.RequestOffered;
import dev.tandem.contracts.routing.RequestQueued;
import dev.tandem.contracts.routing.RequestReleased;
import dev.tandem.contracts.routing.RequestTransferred;
import dev.tandem.contracts.routing.RoutingEvent;
import dev.tandem.testsupport.ApiClient;
import dev.tandem.testsupport.TandemIntegrationTest;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The status page while a request waits in routing's queue, for its first owner or for a colleague to take it over
 * from an owner who went away, from routing's events on its topic.
 */
@TandemIntegrationTest
class QueueStatusIT extends AbstractFrontEndIT {

    private final Instant queuedAt = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    private String id;

    @BeforeEach
    void setUp() {
        id = api.post("/api/requests", CustomerOperationsIT.REQUEST.formatted("Charged twice")).text("/id");
    }

    @Test
    void whileTheRequestWaitsTheStatusShowsItsPlaceInLineAndLikelyWaitUntilSomeoneOwnsIt() {
        publish(new RequestQueued(meta(0).withSchemaVersion(RequestQueued.SCHEMA_VERSION), "billing", "en", 3,
                Duration.ofMinutes(12)));

        await().untilAsserted(() -> {
            var page = page();
            assertThat(page.text("/status")).isEqualTo("QUEUED");
            assertThat(page.body().at("/queue/position").asInt()).isEqualTo(3);
            assertThat(page.text("/queue/estimatedWait")).isEqualTo("PT12M");
        });

        publish(new QueuePositionChanged(meta(60), "billing", "en", 2, Duration.ofMinutes(8)));
        publish(new QueuePositionChanged(meta(90), "billing", "en", 1, null));

        await().untilAsserted(() -> assertThat(page().body().at("/queue/position").asInt()).isEqualTo(1));
        var waiting = page();
        assertThat(waiting.body().at("/queue/estimatedWait").isNull()).isTrue();
        assertThat(Instant.parse(waiting.text("/updatedAt"))).isEqualTo(queuedAt.plusSeconds(90));
        assertThat(waiting.body().get("timeline").valueStream().map(step -> step.get("kind").asString()))
                .containsExactly("SUBMITTED", "QUEUED");

        publish(new RequestAssigned(meta(120), "agent-7", "Grace", "has skill billing, speaks en"));

        await().untilAsserted(() -> assertThat(page().text("/status")).isEqualTo("ASSIGNED"));
        var owned = page();
        assertThat(owned.body().get("queue").isNull()).isTrue();
        assertThat(owned.text("/owner/name")).isEqualTo("Grace");
    }

    @Test
    void aLateWordOfThePlaceInLineDoesNotBringTheQueueBackOnceSomeoneOwnsTheRequest() {
        publish(new RequestQueued(meta(0).withSchemaVersion(RequestQueued.SCHEMA_VERSION), "billing", "en", 2,
                Duration.ofMinutes(8)));
        publish(new RequestAssigned(meta(120), "agent-7", "Grace", "has skill billing, speaks en"));
        publish(new QueuePositionChanged(meta(60), "billing", "en", 1, Duration.ofMinutes(4)));
        // any later event of the request: events of one request are handled in order, so once this one shows,
        // the late word before it has been handled too
        publish(new RequestOffered(meta(150), "agent-8", queuedAt.plusSeconds(270)));

        await().untilAsserted(() ->
                assertThat(Instant.parse(page().text("/updatedAt"))).isEqualTo(queuedAt.plusSeconds(150)));
        var page = page();
        assertThat(page.text("/status")).isEqualTo("ASSIGNED");
        assertThat(page.body().get("queue").isNull()).isTrue();
    }

    @Test
    void whenTheOwnerIsGoneTheRequestWaitsInLineAgainUntilAColleagueTakesItOverWithEverythingTheCustomerSaid() {
        publish(new RequestAssigned(meta(10), "agent-grace", "Grace", "has skill billing, speaks en"));
        publish(new RequestReleased(meta(300), "agent-grace", "Grace", queuedAt.plusSeconds(200)));
        publish(new QueuePositionChanged(meta(310), "billing", "en", 1, Duration.ofMinutes(3)));

        await().untilAsserted(() -> assertThat(page().body().at("/queue/position").asInt()).isEqualTo(1));
        var waiting = page();
        assertThat(waiting.text("/status")).isEqualTo("QUEUED");
        assertThat(waiting.body().get("owner").isNull()).isTrue();

        publish(new RequestTransferred(meta(400), HandoffKind.OWNER_GONE, "agent-grace", "Grace", "agent-ada", "Ada",
                3, "Grace went away; Ada is a senior in billing"));

        await().untilAsserted(() -> assertThat(page().text("/owner/name")).isEqualTo("Ada"));
        var taken = page();
        assertThat(taken.text("/status")).isEqualTo("ASSIGNED");
        assertThat(taken.body().get("queue").isNull()).isTrue();
        assertThat(taken.body().get("timeline").valueStream().map(step -> step.get("kind").asString()))
                .containsExactly("SUBMITTED", "ASSIGNED", "RELEASED", "TRANSFERRED");
        assertThat(taken.text("/timeline/3/text")).isEqualTo("Ada, a senior specialist, has taken over your "
                + "request. They have everything you told us, so you do not need to repeat yourself.");
    }

    @Test
    void theOpenApiDescriptionSaysTheEstimatedWaitIsAnIso8601Duration() {
        var estimatedWait = api.get("/v3/api-docs").body().at("/components/schemas/QueueView/properties/estimatedWait");

        assertThat(estimatedWait.get("format").asString()).isEqualTo("duration");
        assertThat(estimatedWait.get("description").asString()).contains("ISO 8601 duration");
    }

    private EventMetadata meta(int secondsAfterQueueing) {
        return EventMetadata.of(id, "web-status-page", queuedAt.plusSeconds(secondsAfterQueueing));
    }

    private void publish(RoutingEvent event) {
        topics.send(Topics.ROUTING_ASSIGNMENTS, id, EventCodec.encode(event));
    }

    private ApiClient.Response page() {
        return api.get("/api/requests/" + id);
    }
}
