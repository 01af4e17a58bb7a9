package dev.tandem.routing.assignment;

import dev.tandem.contracts.intake.Urgency;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of routing.
 *
 * @param offerTimeout     how long an agent has to accept or decline an offer; then it goes back to the queue
 *                         ({@code OfferDeclined} with reason {@code EXPIRED}) and on to the next agent
 * @param dispatchInterval pause between two sweeps, each of which expires overdue offers and handoffs, sets off the
 *                         time-to-owner timers that are due, hands onward what owners who left hold, reclaims leaked
 *                         slots, dispatches what waits and works out where each waiting request stands in its line. A
 *                         dispatch also follows every new request, freed slot and agent becoming available, so
 *                         the sweep only guarantees that nothing waits forever
 * @param reservationGrace how old an agent's slot reservation must be, with no offer or assignment behind it,
 *                         before the sweep gives the slot back (a crash between two writes left it); far longer
 *                         than any write takes
 * @param queue            how waiting requests learn their position and estimated wait
 * @param urgencyHeadStart what each level of urgency is worth in waiting time: a request one level more urgent is
 *                         offered first unless the other has waited this much longer (see {@link Priority})
 * @param declineCoolDown  how long an agent who declined a request is not offered it again; when every eligible
 *                         agent has declined it, it moves on to its next relaxation step at once
 * @param knownAgentWindow how long a reopened request waits for its previous owner, who is offered it first, before
 *                         it goes to everyone eligible
 * @param wellbeing        the caps that keep hard cases from piling up on one agent
 * @param sla              the time-to-owner targets by urgency, and when a request nearing its target escalates
 * @param ownerGoneGrace   how long an owner may be offline or away with requests in hand before each of them is
 *                         handed onward, back through its queue with a handoff packet
 */
@Validated
@ConfigurationProperties("tandem.routing")
record RoutingProperties(@DefaultValue("2m") @DurationMin(millis = 1) Duration offerTimeout,
                         @DefaultValue("1s") @DurationMin(millis = 1) Duration dispatchInterval,
                         @DefaultValue("30s") @DurationMin(millis = 1) Duration reservationGrace,
                         @DefaultValue @Valid Queue queue,
                         @DefaultValue("10m") @DurationMin(millis = 1) Duration urgencyHeadStart,
                         @DefaultValue("10m") @DurationMin(millis = 0) Duration declineCoolDown,
                         @DefaultValue("2m") @DurationMin(millis = 0) Duration knownAgentWindow,
                         @DefaultValue @Valid Wellbeing wellbeing,
                         @DefaultValue @Valid Sla sla,
                         @DefaultValue("5m") @DurationMin(millis = 0) Duration ownerGoneGrace) {

    /**
     * Time-to-owner targets: how long a request may wait, from joining its queue (submitted, reopened, or released
     * by an owner who left) until an agent accepts it. A request without an owner at {@code escalateAt} of its
     * target escalates: it moves on to the step of its queue that takes the next tier, and supervisors are told
     * ({@code RequestEscalated}); one still without an owner at the target is recorded as a breach.
     *
     * @param critical   the time-to-owner target of a CRITICAL request
     * @param high       the time-to-owner target of a HIGH request
     * @param normal     the time-to-owner target of a NORMAL request, and of one that gave no urgency
     * @param low        the time-to-owner target of a LOW request
     * @param escalateAt the share of the target at which a request escalates, from 0 (at once) to 1 (at the target)
     */
    record Sla(@DefaultValue("5m") @DurationMin(millis = 1) Duration critical,
               @DefaultValue("30m") @DurationMin(millis = 1) Duration high,
               @DefaultValue("4h") @DurationMin(millis = 1) Duration normal,
               @DefaultValue("24h") @DurationMin(millis = 1) Duration low,
               @DefaultValue("0.8") @DecimalMin("0.0") @DecimalMax("1.0") double escalateAt) {

        Duration target(Urgency urgency) {
            return switch (urgency) {
                case CRITICAL -> critical;
                case HIGH -> high;
                case NORMAL -> normal;
                case LOW -> low;
            };
        }

        /** How long after joining its queue a request of this urgency escalates. */
        Duration escalationPoint(Urgency urgency) {
            return Duration.ofMillis(Math.round(target(urgency).toMillis() * escalateAt));
        }
    }

    /**
     * Caps for agents' wellbeing: hard cases are shared out, and nobody gets one straight after another.
     *
     * @param maxCriticalAtOnce how many CRITICAL requests an agent holds at once, at most, offered or owned
     * @param hardCaseCoolDown  how long after letting go of a CRITICAL request an agent is offered no other
     */
    record Wellbeing(@DefaultValue("2") @Min(1) int maxCriticalAtOnce,
                     @DefaultValue("5m") @DurationMin(millis = 0) Duration hardCaseCoolDown) {
    }

    /**
     * How waiting requests learn their position and estimated wait.
     *
     * @param updateInterval the least time between two {@code QueuePositionChanged} of one request: it is
     *                       published when the request's position or estimated wait changes notably (the estimate
     *                       by a fifth or more), and changes within this interval are coalesced into the next
     * @param sampleSize     how many of the latest accepted requests of the same skill and language a wait is
     *                       estimated from, at most; with none, or while no agent who could take the request is
     *                       available, there is no estimate
     * @param sampleWindow   how long ago the requests a wait is estimated from may have been accepted, at most
     * @param reloadInterval how often an instance reads every request without an owner from the store again, to
     *                       learn what other instances wrote (it updates its lines with its own writes at once).
     *                       Keep it shorter than {@code update-interval}, so that a customer hears a correction
     *                       rather than two instances disagreeing
     */
    record Queue(@DefaultValue("30s") @DurationMin(millis = 1) Duration updateInterval,
                 @DefaultValue("20") @Min(1) int sampleSize,
                 @DefaultValue("2h") @DurationMin(millis = 1) Duration sampleWindow,
                 @DefaultValue("10s") @DurationMin(millis = 1) Duration reloadInterval) {
    }
}
