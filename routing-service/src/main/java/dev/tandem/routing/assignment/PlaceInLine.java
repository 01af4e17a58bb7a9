package dev.tandem.routing.assignment;

import java.time.Duration;
import java.time.Instant;

/**
 * Where a request without an owner stands in its {@link Line}: when and at which position it joined, which make
 * its wait a sample once an agent accepts it, and what its customer was last told of its standing.
 *
 * @param told   the standing last published
 * @param toldAt when that was
 */
record PlaceInLine(Instant joinedAt, int joinedAtPosition, Standing told, Instant toldAt) {

    /** Joining the line now, where the customer is told it stands. */
    static PlaceInLine joined(Standing standing, Instant now) {
        return new PlaceInLine(now, standing.position(), standing, now);
    }

    /** Whether the customer should hear of {@code current} now: see {@link Standing#isNews}. */
    boolean isNews(Standing current, Instant now, Duration quietPeriod) {
        return Standing.isNews(current, told, toldAt, now, quietPeriod);
    }

    PlaceInLine tell(Standing current, Instant now) {
        return new PlaceInLine(joinedAt, joinedAtPosition, current, now);
    }

    /**
     * How long it waited, accepted now.
     *
     * @param agentsAvailable how many available agents could serve its line now
     */
    WaitSample waited(String language, int agentsAvailable, Instant acceptedAt) {
        return new WaitSample(language, Duration.between(joinedAt, acceptedAt), joinedAtPosition,
                Math.max(1, agentsAvailable), acceptedAt);
    }
}
