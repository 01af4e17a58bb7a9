package dev.tandem.routing.assignment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tandem.contracts.EventCodec;
import dev.tandem.contracts.Topics;
import dev.tandem.contracts.intake.Urgency;
import dev.tandem.contracts.routing.NextUpdatePromised;
import dev.tandem.contracts.routing.OfferDeclined;
import dev.tandem.contracts.routing.QueuePositionChanged;
import dev.tandem.contracts.routing.RequestAssigned;
import dev.tandem.contracts.routing.RequestOffered;
import dev.tandem.contracts.routing.RequestQueued;
import dev.tandem.contracts.routing.RequestResolved;
import dev.tandem.contracts.routing.RoutingEvent;
import dev.tandem.platform.outbox.OutboxEntry;
import dev.tandem.platform.web.StateConflictException;
import dev.tandem.routing.agent.ActiveRequest;
import dev.tandem.routing.queue.LanguageRule;
import dev.tandem.routing.queue.QueueDefinition;
import dev.tandem.routing.queue.SelectionPolicy;
import dev.tandem.routing.queue.SkillRequirement;
import dev.tandem.routing.queue.Step;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class RoutedRequestTest {

    private static final Instant SUBMITTED = Instant.parse("2026-11-02T09:00:00Z");
    private static final Instant NOW = SUBMITTED.plusSeconds(5);
    private static final Instant EXPIRES = NOW.plusSeconds(120);
    private static final Duration QUIET = Duration.ofSeconds(30);
    private static final Instant LATER = NOW.plus(QUIET);
    private static final Explanation WHY = Requests.explanation("a-1");
    private static final String REASON = WHY.sentence();

    private final RoutedRequest request = Requests.queued(
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
        RoutedRequest plain = Requests.queued(
                Requests.submitted("r-2", "billing", "en", null, "c", SUBMITTED), NOW);

        assertThat(plain.urgency()).isEqualTo(Urgency.NORMAL);
    }

    @Test
    void aRequestWithoutACategoryCannotBeQueued() {
        assertThatThrownBy(() -> RoutedRequest.queue(Requests.submitted("r-3", null, "en", Urgency.LOW, "c", SUBMITTED),
                Requests.queueOf("billing"), new Standing(1, null), Requests.HEAD_START, Requests.SLA, NOW))
                .isInstanceOf(NullPointerException.class).hasMessage("category");
    }

    @Test
    void anOfferReservesTheRequestForOneAgentUntilItExpires() {
        request.offerTo("a-1", WHY, NOW, EXPIRES, Requests.COOL_DOWN);

        assertThat(request.status()).isEqualTo(RequestStatus.OFFERED);
        assertThat(request.offeredTo()).isEqualTo("a-1");
        assertThat(request.occupiesSlotOf("a-1")).isTrue();
        RequestOffered offered = (RequestOffered) lastEvent();
        assertThat(offered.agentId()).isEqualTo("a-1");
        assertThat(offered.expiresAt()).isEqualTo(EXPIRES);
        assertThatThrownBy(() -> request.offerTo("a-2", WHY, NOW, EXPIRES, Requests.COOL_DOWN))
                .isInstanceOf(StateConflictException.class);
    }

    @Test
    void noOfferIsMadeOnTheStrengthOfAReservationThatTheSweepGaveBack() {
        assertThat(request.reclaim("a-1", NOW)).isTrue();

        assertThatThrownBy(() -> request.offerTo("a-1", WHY, NOW.minusMillis(1), EXPIRES, Requests.COOL_DOWN))
                .isInstanceOf(StateConflictException.class).hasMessageContaining("given back");
        request.offerTo("a-1", WHY, NOW, EXPIRES, Requests.COOL_DOWN);
        assertThat(request.offeredTo()).isEqualTo("a-1");
    }

    @Test
    void theSlotBehindAnOfferIsNotGivenBackButAnotherAgentsIs() {
        request.offerTo("a-1", WHY, NOW, EXPIRES, Requests.COOL_DOWN);

        assertThat(request.reclaim("a-1", LATER)).isFalse();
        assertThat(request.reclaim("a-2", LATER)).isTrue();
        assertThat(request.offeredTo()).isEqualTo("a-1");
    }

    @Test
    void acceptingMakesTheAgentTheOwnerAndPublishesWhyTheyWereChosen() {
        request.offerTo("a-1", WHY, NOW, EXPIRES, Requests.COOL_DOWN);

        request.accept("a-1", "Grace", 1, "en", 1, NOW.plusSeconds(10));

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
        request.offerTo("a-1", WHY, NOW, EXPIRES, Requests.COOL_DOWN);

        assertThatThrownBy(() -> request.accept("a-2", "Alan", 1, "en", 1, NOW))
                .isInstanceOf(StateConflictException.class).hasMessageContaining("not offered to agent a-2");
        assertThatThrownBy(() -> request.accept("a-1", "Grace", 1, "en", 1, EXPIRES))
                .isInstanceOf(StateConflictException.class).hasMessageContaining("expired");
        assertThat(request.status()).isEqualTo(RequestStatus.OFFERED);
    }

    @Test
    void decliningPutsTheRequestBackInTheQueueAndRemembersWhoDeclined() {
        request.offerTo("a-1", WHY, NOW, EXPIRES, Requests.COOL_DOWN);

        SlotRelease released = request.decline("a-1", NOW.plusSeconds(3));

        assertThat(request.status()).isEqualTo(RequestStatus.WAITING);
        assertThat(request.declinedBy()).containsExactly("a-1");
        assertThat(request.wasDeclinedBy("a-1", NOW.plusSeconds(4), Requests.COOL_DOWN)).isTrue();
        assertThat(request.wasDeclinedBy("a-1", NOW.plusSeconds(3).plus(Requests.COOL_DOWN), Requests.COOL_DOWN))
                .as("after the cool-down").isFalse();
        assertThat(request.occupiesSlotOf("a-1")).isFalse();
        assertThat(released).isEqualTo(new SlotRelease(request, "a-1", new ActiveRequest("r-1", NOW, Urgency.HIGH)));
        OfferDeclined declined = (OfferDeclined) lastEvent();
        assertThat(declined.agentId()).isEqualTo("a-1");
        assertThat(declined.reason()).isEqualTo("DECLINED");
        assertThatThrownBy(() -> request.offerTo("a-1", WHY, NOW.plusSeconds(4), EXPIRES, Requests.COOL_DOWN))
                .isInstanceOf(StateConflictException.class).hasMessageContaining("declined", Requests.COOL_DOWN);
    }

    @Test
    void withdrawingAnOwnedRequestReleasesItsOwnersSlotAndAWaitingOneReleasesNone() {
        RoutedRequest waiting = Requests.queued(Requests.submitted("r-7", "billing", "en", Urgency.NORMAL, "c",
                SUBMITTED), NOW);
        request.offerTo("a-1", WHY, NOW, EXPIRES, Requests.COOL_DOWN);
        request.accept("a-1", "Grace", 1, "en", 1, NOW.plusSeconds(5));

        assertThat(request.withdraw(NOW))
                .contains(new SlotRelease(request, "a-1", new ActiveRequest("r-1", NOW, Urgency.HIGH)));
        assertThat(waiting.withdraw(NOW)).hasValueSatisfying(release -> assertThat(release.freesASlot()).isFalse());
        assertThat(request.status()).isEqualTo(RequestStatus.WITHDRAWN);
        assertThat(request.withdraw(NOW)).isEmpty();
    }

    @Test
    void anAgentCannotDeclineAnOfferMadeToSomeoneElse() {
        request.offerTo("a-1", WHY, NOW, EXPIRES, Requests.COOL_DOWN);

        assertThatThrownBy(() -> request.decline("a-2", NOW)).isInstanceOf(StateConflictException.class);
    }

    @Test
    void anOfferNobodyAnsweredInTimeGoesBackToTheQueueWithoutBarringTheAgent() {
        request.offerTo("a-1", WHY, NOW, EXPIRES, Requests.COOL_DOWN);

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
        request.offerTo("a-1", WHY, NOW, EXPIRES, Requests.COOL_DOWN);
        assertThatThrownBy(() -> request.resolve("a-1", "Done.", NOW)).isInstanceOf(StateConflictException.class);
        request.accept("a-1", "Grace", 1, "en", 1, NOW);

        assertThatThrownBy(() -> request.resolve("a-2", "Done.", NOW)).isInstanceOf(StateConflictException.class);
        SlotRelease released = request.resolve("a-1", "Refunded the second charge.", NOW.plusSeconds(60));

        assertThat(released.held()).extracting(SlotRelease.Held::agentId).containsExactly("a-1");
        assertThat(request.status()).isEqualTo(RequestStatus.RESOLVED);
        assertThat(request.occupiesSlotOf("a-1")).isFalse();
        RequestResolved resolved = (RequestResolved) lastEvent();
        assertThat(resolved.agentName()).isEqualTo("Grace");
        assertThat(resolved.summary()).isEqualTo("Refunded the second charge.");
        assertThatThrownBy(() -> request.resolve("a-1", "Again.", NOW)).isInstanceOf(StateConflictException.class);
    }

    @Test
    void theQueuedEventSaysWhereTheRequestStandsInItsLineAndHowLongItWillLikelyWait() {
        RoutedRequest third = Requests.queued(Requests.submitted("r-4", "billing", "en", Urgency.NORMAL, "c",
                SUBMITTED), new Standing(3, Duration.ofMinutes(12)), NOW);

        RequestQueued queued = (RequestQueued) lastEventOf(third);
        assertThat(queued.position()).isEqualTo(3);
        assertThat(queued.estimatedWait()).isEqualTo(Duration.ofMinutes(12));
        assertThat(queued.metadata().schemaVersion()).isEqualTo(RequestQueued.SCHEMA_VERSION);
        assertThat(third.place().told()).isEqualTo(new Standing(3, Duration.ofMinutes(12)));
    }

    @Test
    void aWaitingRequestPublishesANewPositionButNeverTheSameStandingAgain() {
        assertThat(request.standIn(new Standing(1, null), LATER, QUIET)).isFalse();
        assertThat(request.outbox()).hasSize(1);

        assertThat(request.standIn(new Standing(2, Duration.ofMinutes(4)), LATER, QUIET)).isTrue();

        QueuePositionChanged changed = (QueuePositionChanged) lastEvent();
        assertThat(changed.position()).isEqualTo(2);
        assertThat(changed.estimatedWait()).isEqualTo(Duration.ofMinutes(4));
        assertThat(changed.queue()).isEqualTo("billing");
        assertThat(changed.language()).isEqualTo("en");
        assertThat(changed.metadata().occurredAt()).isEqualTo(LATER);
        assertThat(changed.metadata().correlationId()).isEqualTo("corr-1");
        assertThat(request.standIn(new Standing(2, Duration.ofMinutes(4)), LATER.plus(QUIET), QUIET)).isFalse();
    }

    @Test
    void anEstimateThatMovesByLessThanAFifthIsNotNewsButOneThatAppearsOrGoesIs() {
        RoutedRequest second = Requests.queued(Requests.submitted("r-5", "billing", "en", Urgency.NORMAL, "c",
                SUBMITTED), new Standing(2, Duration.ofMinutes(10)), NOW);

        assertThat(second.standIn(new Standing(2, Duration.ofMinutes(11)), LATER, QUIET)).isFalse();
        assertThat(second.standIn(new Standing(2, Duration.ofMinutes(12)), LATER, QUIET)).isTrue();
        assertThat(second.standIn(new Standing(2, null), LATER.plus(QUIET), QUIET)).isTrue();
        assertThat(second.standIn(new Standing(2, Duration.ofMinutes(9)), LATER.plus(QUIET).plus(QUIET), QUIET))
                .isTrue();
    }

    @Test
    void changesWithinTheUpdateIntervalBecomeOneEventAfterIt() {
        assertThat(request.standIn(new Standing(2, null), NOW.plusSeconds(10), QUIET)).isFalse();
        assertThat(request.standIn(new Standing(3, null), NOW.plusSeconds(20), QUIET)).isFalse();
        assertThat(request.standIn(new Standing(3, null), LATER, QUIET)).isTrue();
        assertThat(request.standIn(new Standing(2, null), LATER.plusSeconds(10), QUIET)).isFalse();

        assertThat(request.outbox()).hasSize(2);
        assertThat(((QueuePositionChanged) lastEvent()).position()).isEqualTo(3);
    }

    @Test
    void anOfferedOwnedOrResolvedRequestPublishesNoStanding() {
        request.offerTo("a-1", WHY, NOW, EXPIRES, Requests.COOL_DOWN);
        assertThat(request.standIn(new Standing(2, null), LATER, QUIET)).isFalse();
        request.accept("a-1", "Grace", 1, "en", 1, LATER);
        assertThat(request.standIn(new Standing(2, null), LATER.plus(QUIET), QUIET)).isFalse();
        request.resolve("a-1", "Done.", LATER.plus(QUIET));
        assertThat(request.standIn(new Standing(2, null), LATER.plus(QUIET).plus(QUIET), QUIET)).isFalse();

        assertThat(request.outbox()).extracting(OutboxEntry::type).doesNotContain("QueuePositionChanged");
    }

    @Test
    void onlyTheOwnerPromisesAnUpdateWhileTheRequestIsAssignedAndResolvingEndsThePromise() {
        Instant by = LATER.plus(Duration.ofHours(4));
        assertThatThrownBy(() -> request.promiseUpdate("a-1", by, null, NOW))
                .isInstanceOf(StateConflictException.class);
        request.offerTo("a-1", WHY, NOW, EXPIRES, Requests.COOL_DOWN);
        assertThatThrownBy(() -> request.promiseUpdate("a-1", by, null, NOW))
                .isInstanceOf(StateConflictException.class);
        request.accept("a-1", "Grace", 1, "en", 1, NOW.plusSeconds(10));
        assertThatThrownBy(() -> request.promiseUpdate("a-2", by, null, LATER))
                .isInstanceOf(StateConflictException.class);

        request.promiseUpdate("a-1", by, "Waiting for the bank.", LATER);

        assertThat(request.nextUpdateBy()).isEqualTo(by);
        NextUpdatePromised promised = (NextUpdatePromised) lastEvent();
        assertThat(promised.agentName()).isEqualTo("Grace");
        assertThat(promised.nextUpdateBy()).isEqualTo(by);
        assertThat(promised.note()).isEqualTo("Waiting for the bank.");
        assertThat(promised.metadata().occurredAt()).isEqualTo(LATER);

        request.resolve("a-1", "Done.", LATER.plus(QUIET));
        assertThat(request.nextUpdateBy()).isNull();
        assertThatThrownBy(() -> request.promiseUpdate("a-1", by, null, LATER.plus(QUIET)))
                .isInstanceOf(StateConflictException.class);
    }

    @Test
    void acceptingRecordsHowLongTheRequestWaitedFromWhereItJoinedItsLine() {
        RoutedRequest third = Requests.queued(Requests.submitted("r-6", "billing", "pt-BR", Urgency.NORMAL, "c",
                SUBMITTED), new Standing(3, null), NOW);
        third.offerTo("a-1", WHY, NOW.plusSeconds(60), NOW.plusSeconds(180), Requests.COOL_DOWN);

        third.accept("a-1", "Joana", 1, "pt", 2, NOW.plusSeconds(90));

        assertThat(third.waitSample())
                .isEqualTo(new WaitSample("pt", Duration.ofSeconds(90), 3, 2, NOW.plusSeconds(90)));
    }

    private RoutingEvent lastEvent() {
        return lastEventOf(request);
    }

    private static RoutingEvent lastEventOf(RoutedRequest request) {
        OutboxEntry entry = request.outbox().getLast();
        return EventCodec.decode(entry.payload(), RoutingEvent.class).orElseThrow();
    }

    @Test
    void relaxingMovesAWaitingRequestToItsNextStepAtOnceAndSaysSoInItsHistory() {
        var queue = new QueueDefinition("billing", List.of("billing"),
                List.of(new SkillRequirement("billing", 1)),
                LanguageRule.PRIMARY_SUBTAG,
                SelectionPolicy.LONGEST_IDLE, List.of(
                new Step(Duration.ofMinutes(2), 4, List.of(), true),
                new Step(Duration.ofMinutes(3), 2, List.of(), true),
                new Step(null, 1, List.of(), true)));
        RoutedRequest waiting = RoutedRequest.queue(Requests.submitted("r-9", "billing", "en", Urgency.NORMAL, "c",
                SUBMITTED), queue, new Standing(1, null), Requests.HEAD_START, Requests.SLA, NOW);
        assertThat(waiting.stepInForce(queue, NOW).index()).isZero();

        assertThat(waiting.relax(queue, "every eligible agent declined it", NOW.plusSeconds(10))).isTrue();

        var inForce = waiting.stepInForce(queue, NOW.plusSeconds(10));
        assertThat(inForce.index()).isEqualTo(1);
        assertThat(inForce.endsAt()).as("the new step's time runs from the relaxation")
                .isEqualTo(NOW.plusSeconds(10).plus(Duration.ofMinutes(3)));
        assertThat(waiting.history().getLast().kind()).isEqualTo(RoutingEntry.Kind.RELAXED);
        assertThat(waiting.history().getLast().note())
                .isEqualTo("every eligible agent declined it; now at step 2: billing 2 or more, for 3 min");
        assertThat(waiting.stepInForce(queue, NOW.plusSeconds(10).plus(Duration.ofMinutes(3))).index())
                .as("then on by time").isEqualTo(2);
        assertThat(waiting.relax(queue, "again", NOW.plusSeconds(60))).isTrue();
        assertThat(waiting.stepInForce(queue, NOW.plusSeconds(60)).index()).isEqualTo(2);
        assertThat(waiting.relax(queue, "at the last step", NOW.plusSeconds(61))).isFalse();
    }
}
