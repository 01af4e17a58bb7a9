package dev.tandem.routing.assignment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tandem.contracts.EventCodec;
import dev.tandem.contracts.Topics;
import dev.tandem.contracts.intake.Urgency;
import dev.tandem.contracts.routing.OfferDeclined;
import dev.tandem.contracts.routing.RequestAssigned;
import dev.tandem.contracts.routing.RequestOffered;
import dev.tandem.contracts.routing.RequestQueued;
import dev.tandem.contracts.routing.RequestResolved;
import dev.tandem.contracts.routing.RoutingEvent;
import dev.tandem.platform.outbox.OutboxEntry;
import dev.tandem.platform.web.StateConflictException;
import dev.tandem.routing.agent.ActiveRequest;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RoutedRequestTest {

    private static final Instant SUBMITTED = Instant.parse("2026-11-02T09:00:00Z");
    private static final Instant NOW = SUBMITTED.plusSeconds(5);
    private static final Instant EXPIRES = NOW.plusSeconds(120);
    private static final String REASON = "has skill billing, speaks en, 0 of 2 slots in use, the only eligible agent";

    private final RoutedRequest request = RoutedRequest.queue(
            Requests.submitted("r-1", "billing", "en", Urgency.HIGH, "corr-1", SUBMITTED), NOW);

    @Test
    void aSubmittedRequestWaitsInTheQueueOfItsCategoryAndSaysSo() {
        assertThat(request.status()).isEqualTo(RequestStatus.WAITING);
        assertThat(request.queue()).isEqualTo("billing");
        assertThat(request.submittedAt()).isEqualTo(SUBMITTED);
        RequestQueued queued = (RequestQueued) lastEvent();
        assertThat(queued.queue()).isEqualTo("billing");
        assertThat(queued.language()).isEqualTo("en");
        assertThat(queued.metadata().correlationId()).isEqualTo("corr-1");
        assertThat(request.outbox().getLast().key()).isEqualTo("r-1");
        assertThat(request.outbox().getLast().topic()).isEqualTo(Topics.ROUTING_ASSIGNMENTS);
    }

    @Test
    void aRequestWithoutUrgencyIsNormal() {
        RoutedRequest plain = RoutedRequest.queue(
                Requests.submitted("r-2", "billing", "en", null, "c", SUBMITTED), NOW);

        assertThat(plain.urgency()).isEqualTo(Urgency.NORMAL);
    }

    @Test
    void aRequestWithoutACategoryCannotBeQueued() {
        assertThatThrownBy(() -> RoutedRequest.queue(
                Requests.submitted("r-3", null, "en", Urgency.LOW, "c", SUBMITTED), NOW))
                .isInstanceOf(NullPointerException.class).hasMessage("category");
    }

    @Test
    void anOfferReservesTheRequestForOneAgentUntilItExpires() {
        request.offerTo("a-1", REASON, NOW, EXPIRES);

        assertThat(request.status()).isEqualTo(RequestStatus.OFFERED);
        assertThat(request.offeredTo()).isEqualTo("a-1");
        assertThat(request.occupiesSlotOf("a-1")).isTrue();
        assertThat(request.reservation()).isEqualTo(new ActiveRequest("r-1", NOW));
        RequestOffered offered = (RequestOffered) lastEvent();
        assertThat(offered.agentId()).isEqualTo("a-1");
        assertThat(offered.expiresAt()).isEqualTo(EXPIRES);
        assertThatThrownBy(() -> request.offerTo("a-2", REASON, NOW, EXPIRES))
                .isInstanceOf(StateConflictException.class);
    }

    @Test
    void acceptingMakesTheAgentTheOwnerAndPublishesWhyTheyWereChosen() {
        request.offerTo("a-1", REASON, NOW, EXPIRES);

        request.accept("a-1", "Grace", NOW.plusSeconds(10));

        assertThat(request.status()).isEqualTo(RequestStatus.ASSIGNED);
        assertThat(request.ownerId()).isEqualTo("a-1");
        assertThat(request.offeredTo()).isNull();
        assertThat(request.occupiesSlotOf("a-1")).isTrue();
        RequestAssigned assigned = (RequestAssigned) lastEvent();
        assertThat(assigned.agentName()).isEqualTo("Grace");
        assertThat(assigned.reason()).isEqualTo(REASON);
        assertThat(assigned.metadata().correlationId()).isEqualTo("corr-1");
    }

    @Test
    void onlyTheAgentItIsOfferedToCanAcceptAndOnlyBeforeTheOfferExpires() {
        request.offerTo("a-1", REASON, NOW, EXPIRES);

        assertThatThrownBy(() -> request.accept("a-2", "Alan", NOW))
                .isInstanceOf(StateConflictException.class).hasMessageContaining("not offered to agent a-2");
        assertThatThrownBy(() -> request.accept("a-1", "Grace", EXPIRES))
                .isInstanceOf(StateConflictException.class).hasMessageContaining("expired");
        assertThat(request.status()).isEqualTo(RequestStatus.OFFERED);
    }

    @Test
    void decliningPutsTheRequestBackInTheQueueAndRemembersWhoDeclined() {
        request.offerTo("a-1", REASON, NOW, EXPIRES);

        request.decline("a-1", NOW.plusSeconds(3));

        assertThat(request.status()).isEqualTo(RequestStatus.WAITING);
        assertThat(request.declinedBy()).containsExactly("a-1");
        assertThat(request.wasDeclinedBy("a-1")).isTrue();
        assertThat(request.occupiesSlotOf("a-1")).isFalse();
        OfferDeclined declined = (OfferDeclined) lastEvent();
        assertThat(declined.agentId()).isEqualTo("a-1");
        assertThat(declined.reason()).isEqualTo("DECLINED");
    }

    @Test
    void anAgentCannotDeclineAnOfferMadeToSomeoneElse() {
        request.offerTo("a-1", REASON, NOW, EXPIRES);

        assertThatThrownBy(() -> request.decline("a-2", NOW)).isInstanceOf(StateConflictException.class);
    }

    @Test
    void anOfferNobodyAnsweredInTimeGoesBackToTheQueueWithoutBarringTheAgent() {
        request.offerTo("a-1", REASON, NOW, EXPIRES);

        assertThatThrownBy(() -> request.expire(EXPIRES.minusMillis(1))).isInstanceOf(StateConflictException.class);
        request.expire(EXPIRES);

        assertThat(request.status()).isEqualTo(RequestStatus.WAITING);
        assertThat(request.declinedBy()).isEmpty();
        OfferDeclined expired = (OfferDeclined) lastEvent();
        assertThat(expired.agentId()).isEqualTo("a-1");
        assertThat(expired.reason()).isEqualTo("EXPIRED");
    }

    @Test
    void onlyTheOwnerResolvesAndTheResolutionNamesThem() {
        request.offerTo("a-1", REASON, NOW, EXPIRES);
        assertThatThrownBy(() -> request.resolve("a-1", "Done.", NOW)).isInstanceOf(StateConflictException.class);
        request.accept("a-1", "Grace", NOW);

        assertThatThrownBy(() -> request.resolve("a-2", "Done.", NOW)).isInstanceOf(StateConflictException.class);
        request.resolve("a-1", "Refunded the second charge.", NOW.plusSeconds(60));

        assertThat(request.status()).isEqualTo(RequestStatus.RESOLVED);
        assertThat(request.occupiesSlotOf("a-1")).isFalse();
        RequestResolved resolved = (RequestResolved) lastEvent();
        assertThat(resolved.agentName()).isEqualTo("Grace");
        assertThat(resolved.summary()).isEqualTo("Refunded the second charge.");
        assertThatThrownBy(() -> request.resolve("a-1", "Again.", NOW)).isInstanceOf(StateConflictException.class);
    }

    private RoutingEvent lastEvent() {
        OutboxEntry entry = request.outbox().getLast();
        return EventCodec.decode(entry.payload(), RoutingEvent.class).orElseThrow();
    }
}
