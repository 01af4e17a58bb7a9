package dev.tandem.routing.assignment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.contracts.EventCodec;
import dev.tandem.contracts.intake.Urgency;
import dev.tandem.contracts.routing.RequestEscalated;
import dev.tandem.contracts.routing.RoutingEvent;
import dev.tandem.routing.queue.LanguageRule;
import dev.tandem.routing.queue.QueueDefinition;
import dev.tandem.routing.queue.SelectionPolicy;
import dev.tandem.routing.queue.SkillRequirement;
import dev.tandem.routing.queue.Step;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The time-to-owner clock of a request: it escalates at a share of its urgency's target, a breach is recorded at the
 * target, and how long it had no owner is kept. Every instant is given, as a movable clock would give it.
 */
class TimeToOwnerTest {

    private static final Instant SUBMITTED = Instant.parse("2026-11-02T09:00:00Z");
    // first line only for a minute, then specialists too, then anyone of the skill
    private static final QueueDefinition TIERED = new QueueDefinition("billing", List.of("billing"),
            List.of(new SkillRequirement("billing", 1)), LanguageRule.PRIMARY_SUBTAG, SelectionPolicy.LONGEST_IDLE,
            List.of(new Step(Duration.ofMinutes(1), 3, List.of(1), true),
                    new Step(Duration.ofMinutes(10), 2, List.of(1, 2), true),
                    new Step(null, 1, List.of(), true)));

    private final RoutedRequest critical = RoutedRequest.queue(
            Requests.submitted("r-1", "billing", "en", Urgency.CRITICAL, "c-1", SUBMITTED), TIERED,
            new Standing(1, null), Requests.HEAD_START, Requests.SLA, SUBMITTED);

    @Test
    void theTargetOfEachUrgencyRunsFromSubmission() {
        assertThat(critical.slaDueAt()).isEqualTo(SUBMITTED.plus(Duration.ofMinutes(5)));
        assertThat(critical.escalateAt()).as("80 % of 5 min").isEqualTo(SUBMITTED.plus(Duration.ofMinutes(4)));
        RoutedRequest low = RoutedRequest.queue(Requests.submitted("r-2", "billing", "en", Urgency.LOW, "c-2",
                SUBMITTED), TIERED, new Standing(1, null), Requests.HEAD_START, Requests.SLA, SUBMITTED);
        assertThat(low.slaDueAt()).isEqualTo(SUBMITTED.plus(Duration.ofHours(24)));
    }

    @Test
    void aRequestWithoutAnOwnerAtItsEscalationPointMovesToTheStepOfTheNextTierAndSupervisorsAreTold() {
        Instant early = SUBMITTED.plus(Duration.ofMinutes(4)).minusMillis(1);
        assertThat(critical.escalate(TIERED, Duration.ofMinutes(5), early)).as("not yet").isFalse();

        Instant due = SUBMITTED.plus(Duration.ofMinutes(4));
        assertThat(critical.escalate(TIERED, Duration.ofMinutes(5), due)).isTrue();

        // by time alone it would be at step 2 (tiers 1 and 2) now; the escalation takes it to the step that
        // takes a tier above those
        assertThat(critical.stepInForce(TIERED, due).index()).isEqualTo(2);
        assertThat(critical.escalatedAt()).isEqualTo(due);
        assertThat(critical.escalateAt()).as("once per time in the queue").isNull();
        RequestEscalated escalated = (RequestEscalated) lastEvent(critical);
        assertThat(escalated.urgency()).isEqualTo(Urgency.CRITICAL);
        assertThat(escalated.target()).isEqualTo(Duration.ofMinutes(5));
        assertThat(escalated.dueAt()).isEqualTo(SUBMITTED.plus(Duration.ofMinutes(5)));
        assertThat(escalated.step()).isEqualTo(3);
        assertThat(critical.history().getLast().kind()).isEqualTo(RoutingEntry.Kind.ESCALATED);
        assertThat(critical.history().getLast().note()).isEqualTo("no owner after 4 min of its time-to-owner target "
                + "of 5 min; now at step 3: billing 1 or more, until accepted");
        assertThat(critical.escalate(TIERED, Duration.ofMinutes(5), due.plusSeconds(1))).isFalse();
    }

    @Test
    void aStepThatTakesEveryTierAlreadyStaysWhereItIsButTheEscalationIsStillTold() {
        QueueDefinition untiered = Requests.queueOf("billing");
        RoutedRequest request = RoutedRequest.queue(Requests.submitted("r-3", "billing", "en", Urgency.HIGH, "c-3",
                SUBMITTED), untiered, new Standing(1, null), Requests.HEAD_START, Requests.SLA, SUBMITTED);

        assertThat(request.escalate(untiered, Duration.ofMinutes(30), SUBMITTED.plus(Duration.ofMinutes(24))))
                .isTrue();

        assertThat(request.step()).isZero();
        assertThat(((RequestEscalated) lastEvent(request)).step()).isEqualTo(1);
    }

    @Test
    void aBreachIsRecordedAtTheTargetOnceAndAnAcceptanceAfterItStillCountsIt() {
        Instant target = SUBMITTED.plus(Duration.ofMinutes(5));
        assertThat(critical.breach(target.minusMillis(1))).isFalse();
        assertThat(critical.breach(target)).isTrue();
        assertThat(critical.slaBreachedAt()).isEqualTo(target);
        assertThat(critical.breach(target.plusSeconds(1))).isFalse();

        RoutedRequest late = RoutedRequest.queue(Requests.submitted("r-4", "billing", "en", Urgency.CRITICAL, "c-4",
                SUBMITTED), TIERED, new Standing(1, null), Requests.HEAD_START, Requests.SLA, SUBMITTED);
        late.offerTo("a-1", Requests.explanation("a-1"), target.minusSeconds(30), target.plusSeconds(90),
                Requests.COOL_DOWN);
        assertThat(late.accept("a-1", "Grace", 1, "en", 1, target.plusSeconds(1))).as("the breach recorded now")
                .isTrue();
        assertThat(late.slaBreachedAt()).as("accepted after the target, before the sweep saw it").isEqualTo(target);
        assertThat(late.history()).extracting(RoutingEntry::kind).containsSubsequence(RoutingEntry.Kind.SLA_BREACHED,
                RoutingEntry.Kind.ASSIGNED);
    }

    @Test
    void anOwnedRequestNeitherEscalatesNorBreachesAndItsTimeWithoutAnOwnerIsKept() {
        critical.offerTo("a-1", Requests.explanation("a-1"), SUBMITTED.plusSeconds(30), SUBMITTED.plusSeconds(150),
                Requests.COOL_DOWN);
        critical.accept("a-1", "Grace", 1, "en", 1, SUBMITTED.plusSeconds(70));

        assertThat(critical.escalate(TIERED, Duration.ofMinutes(5), SUBMITTED.plus(Duration.ofMinutes(4)))).isFalse();
        assertThat(critical.breach(SUBMITTED.plus(Duration.ofMinutes(5)))).isFalse();
        assertThat(critical.slaBreachedAt()).isNull();
        assertThat(critical.lastOwnerless()).isEqualTo(Duration.ofSeconds(70));
        assertThat(critical.ownerless(SUBMITTED.plus(Duration.ofHours(1)))).as("no longer growing")
                .isEqualTo(Duration.ofSeconds(70));
        assertThat(critical.ownerlessSince()).isNull();
    }

    @Test
    void whileItWaitsItsTimeWithoutAnOwnerGrows() {
        assertThat(critical.ownerlessSince()).isEqualTo(SUBMITTED);
        assertThat(critical.ownerless(SUBMITTED.plusSeconds(42))).isEqualTo(Duration.ofSeconds(42));
    }

    @Test
    void aWithdrawnRequestHasNoTimerLeft() {
        critical.withdraw(SUBMITTED.plusSeconds(5));

        assertThat(critical.escalate(TIERED, Duration.ofMinutes(5), SUBMITTED.plus(Duration.ofMinutes(4)))).isFalse();
        assertThat(critical.breach(SUBMITTED.plus(Duration.ofMinutes(5)))).isFalse();
    }

    static RoutingEvent lastEvent(RoutedRequest request) {
        return EventCodec.decode(request.outbox().getLast().payload(), RoutingEvent.class).orElseThrow();
    }
}
