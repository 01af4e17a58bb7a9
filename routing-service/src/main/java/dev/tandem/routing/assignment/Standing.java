package dev.tandem.routing.assignment;

import java.time.Duration;
import java.time.Instant;

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

    /**
     * Whether the customer of a waiting request should hear of {@code current} now: nothing was published yet, or
     * it differs notably from what was, and no sooner than {@code quietPeriod} after that, so that a burst of
     * changes becomes one event.
     *
     * @param published   the standing last published, null if none
     * @param publishedAt when it was published, null if never
     */
    static boolean isNews(Standing current, Standing published, Instant publishedAt, Instant now,
                          Duration quietPeriod) {
        return (published == null || current.differsNotablyFrom(published))
                && (publishedAt == null || !now.isBefore(publishedAt.plus(quietPeriod)));
    }
}
