package dev.tandem.routing.assignment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.tandem.contracts.EventMetadata;
import dev.tandem.contracts.intake.RequestReopened;
import dev.tandem.contracts.intake.RequestWithdrawn;
import dev.tandem.contracts.intake.Urgency;
import dev.tandem.contracts.routing.RequestQueued;
import dev.tandem.routing.SharedRoutingContext;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** What routing does when the customer withdraws or reopens a request in intake. */
@SharedRoutingContext
class CustomerChangesIT extends AbstractDeskIT {

    @Test
    void aWithdrawnRequestLeavesItsOwnersDeskAndFreesTheSlot() {
        String grace = desk.registerAgent("Grace", billing, "en", 1);
        String requestId = desk.offeredTo(grace, billing);
        assertThat(desk.accept(grace, requestId).status()).isEqualTo(200);
        assertThat(desk.agent(grace).body().get("freeSlots").asInt()).isZero();

        desk.send(new RequestWithdrawn(EventMetadata.of(requestId, "c-1", Instant.now()), "Sorted it myself."));

        await().until(() -> "WITHDRAWN".equals(desk.request(requestId).text("/status")));
        assertThat(desk.agent(grace).body().get("freeSlots").asInt()).isEqualTo(1);
        assertThat(desk.agent(grace).body().get("activeRequests").isEmpty()).isTrue();
        assertThat(desk.resolve(requestId, grace, "Too late.").status()).isEqualTo(409);
    }

    @Test
    void aWithdrawnWaitingRequestIsNeverOffered() {
        String requestId = desk.submit(billing, "en", Urgency.NORMAL).requestId();
        desk.awaitPublished(requestId, RequestQueued.class, event -> true);

        desk.send(new RequestWithdrawn(EventMetadata.of(requestId, "c-1", Instant.now()), null));
        await().until(() -> "WITHDRAWN".equals(desk.request(requestId).text("/status")));
        String grace = desk.registerAgent("Grace", billing, "en", 1);
        desk.presence(grace, "AVAILABLE");
        String next = desk.submit(billing, "en", Urgency.NORMAL).requestId();

        assertThat(desk.awaitOffered(next)).isEqualTo(grace);
        assertThat(desk.request(requestId).text("/status")).isEqualTo("WITHDRAWN");
    }

    @Test
    void aReopenedRequestJoinsItsQueueAgainAndIsOfferedAfresh() {
        String grace = desk.registerAgent("Grace", billing, "en", 1);
        String requestId = desk.offeredTo(grace, billing);
        desk.accept(grace, requestId);
        assertThat(desk.resolve(requestId, grace, "Refunded.").status()).isEqualTo(200);

        desk.send(new RequestReopened(EventMetadata.of(requestId, "c-2", Instant.now()), "The refund never came."));

        assertThat(desk.awaitOffered(requestId)).isEqualTo(grace);
        // delivery is at least once: count distinct events, as every consumer does
        await().untilAsserted(() -> assertThat(desk.published(requestId).stream()
                .filter(RequestQueued.class::isInstance).map(event -> event.eventId()).distinct()).hasSize(2));
        assertThat(desk.request(requestId).text("/ownerId")).isNull();
    }
}
