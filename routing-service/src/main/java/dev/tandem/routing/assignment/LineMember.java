package dev.tandem.routing.assignment;

import dev.tandem.contracts.intake.RequestSubmitted;
import dev.tandem.contracts.intake.Urgency;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * What a {@link Line} needs of a request without an owner: its place in {@link Line#SERVING_ORDER}, and what its
 * customer last heard of where it stands.
 *
 * @param submittedAt to the millisecond, as the store keeps it, so that a member read from the store and one just
 *                    written sort alike
 * @param place       where it stands as its customer was last told; null for a request only now arriving
 */
record LineMember(String id, Line line, boolean offered, Urgency urgency, Instant submittedAt, PlaceInLine place) {

    static LineMember of(RoutedRequest request) {
        return new LineMember(request.id(), Line.of(request), request.status() == RequestStatus.OFFERED,
                request.urgency(), request.submittedAt().truncatedTo(ChronoUnit.MILLIS), request.place());
    }

    /** A submitted request about to join its line. */
    static LineMember arriving(RequestSubmitted submitted) {
        return new LineMember(submitted.requestId(), Line.of(submitted), false, RoutedRequest.urgencyOf(submitted),
                submitted.metadata().occurredAt().truncatedTo(ChronoUnit.MILLIS), null);
    }

    /** Whether its customer would hear of {@code current} now: see {@link RoutedRequest#standIn}. */
    boolean wouldHearOf(Standing current, Instant now, Duration quietPeriod) {
        return !offered && (place == null || place.isNews(current, now, quietPeriod));
    }
}
