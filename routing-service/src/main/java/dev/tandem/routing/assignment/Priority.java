package dev.tandem.routing.assignment;

import dev.tandem.contracts.intake.Urgency;
import java.time.Duration;
import java.time.Instant;

/**
 * The order waiting requests are offered in: by effective priority, which grows with waiting time, so that a LOW
 * request that has waited long enough goes before a fresh HIGH one and nothing starves.
 * <p>
 * A request's effective priority at time {@code t} is {@code level + (t - queuedAt) / headStart}, where
 * {@code level} is 0 for LOW, 1 for NORMAL, 2 for HIGH and 3 for CRITICAL, and {@code headStart} is
 * {@code tandem.routing.urgency-head-start} (10 minutes by default): each level of urgency is worth that much
 * waiting. Of two requests, the one with the higher effective priority is offered first. Since every request's
 * priority grows at the same rate, their order never changes while they wait, and it is the order of one fixed key,
 * the rank: {@code queuedAt - level * headStart}, earliest first. The rank reads as the moment the request counts as
 * having joined: a HIGH request queued at 10:30 ranks as if it had joined at 10:10, so a LOW request queued before
 * 10:10 is offered first.
 */
final class Priority {

    private Priority() {
    }

    /** The rank of a request of the urgency queued at {@code queuedAt}: earlier ranks are offered first. */
    static Instant rank(Urgency urgency, Instant queuedAt, Duration headStart) {
        return queuedAt.minus(headStart.multipliedBy(urgency.ordinal()));
    }

    /** The effective priority at {@code now}, for explanations: the urgency's level plus head starts waited. */
    static double effective(Urgency urgency, Instant queuedAt, Duration headStart, Instant now) {
        return urgency.ordinal() + (double) Duration.between(queuedAt, now).toMillis() / headStart.toMillis();
    }
}
