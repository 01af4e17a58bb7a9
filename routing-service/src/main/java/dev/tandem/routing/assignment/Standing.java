package dev.tandem.routing.assignment;

import java.time.Duration;

/**
 * Where a request stands in its {@link Line}.
 *
 * @param position      1 is served next
 * @param estimatedWait how long it will likely wait until an agent accepts it, in whole minutes; null when
 *                      there is no estimate (see {@link RecentWaits})
 */
record Standing(int position, Duration estimatedWait) {

    // an estimate that moves by less than this share of itself is not news to the customer
    private static final double NOTABLE_CHANGE = 0.2;

    /**
     * Whether the customer should hear about the change from {@code before}: the position moved, an estimate
     * appeared or went away, or it moved by a fifth or more. Smaller moves of an estimate are noise.
     */
    boolean differsNotablyFrom(Standing before) {
        if (position != before.position) {
            return true;
        }
        if (estimatedWait == null || before.estimatedWait == null) {
            return (estimatedWait == null) != (before.estimatedWait == null);
        }
        long change = Math.abs(estimatedWait.toSeconds() - before.estimatedWait.toSeconds());
        return change > 0 && change >= NOTABLE_CHANGE * before.estimatedWait.toSeconds();
    }
}
