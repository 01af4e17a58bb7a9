package dev.tandem.routing.assignment;

import dev.tandem.contracts.intake.Urgency;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * What a {@link Line} needs of a request without an owner: its place in {@link Line#SERVING_ORDER}, and what its
 * customer last heard of where it stands.
 *
 * @param submittedAt         to the millisecond, as the store keeps it, so that a member read from the store and
 *                            one just written sort alike
 * @param standing            as last published, null if never
 * @param standingPublishedAt when that was, null if never
 */
record LineMember(String id, Line line, boolean offered, Urgency urgency, Instant submittedAt, Standing standing,
                  Instant standingPublishedAt) {

    static LineMember of(RoutedRequest request) {
        return new LineMember(request.id(), Line.of(request), request.status() == RequestStatus.OFFERED,
                request.urgency(), request.submittedAt().truncatedTo(ChronoUnit.MILLIS), request.standing(),
                request.standingPublishedAt());
    }

    /** Whether its customer would hear of {@code current} now: see {@link RoutedRequest#standIn}. */
    boolean wouldHearOf(Standing current, Instant now, Duration quietPeriod) {
        return !offered && Standing.isNews(current, standing, standingPublishedAt, now, quietPeriod);
    }
}
