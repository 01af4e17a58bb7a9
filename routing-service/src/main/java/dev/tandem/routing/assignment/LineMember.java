package dev.tandem.routing.assignment;

import dev.tandem.contracts.intake.RequestSubmitted;
import dev.tandem.contracts.intake.Urgency;
import dev.tandem.routing.queue.QueueDefinition;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * What a {@link Line} and the {@link Router} need of a request without an owner: its place in
 * {@link Line#SERVING_ORDER}, the step it reached, who declined it, whom it goes to first, and what its customer last
 * heard of where it stands.
 *
 * @param rank      to the millisecond, as the store keeps it, so that a member read from the store and one just
 *                  written sort alike
 * @param language  the customer's language tag, whole
 * @param place     where it stands as its customer was last told; null for a request only now arriving
 */
record LineMember(String id, Line line, String language, boolean offered, Urgency urgency, Instant rank, int step,
                  Instant stepSince, List<Decline> declines, String previousOwnerId, Instant knownAgentUntil,
                  PlaceInLine place) {

    LineMember {
        declines = declines == null ? List.of() : List.copyOf(declines);
    }

    static LineMember of(RoutedRequest request, QueueDefinition queue) {
        return new LineMember(request.id(), Line.of(queue, request.language()), request.language(),
                request.status() == RequestStatus.OFFERED, request.urgency(), millis(request.rank()), request.step(),
                request.stepSince(), request.declines(), request.previousOwnerId(), request.knownAgentUntil(),
                request.place());
    }

    /** A submitted request about to join its line. */
    static LineMember arriving(RequestSubmitted submitted, QueueDefinition queue, Duration headStart) {
        Urgency urgency = RoutedRequest.urgencyOf(submitted);
        Instant submittedAt = submitted.metadata().occurredAt();
        return new LineMember(submitted.requestId(), Line.of(queue, submitted.language()), submitted.language(), false,
                urgency, millis(Priority.rank(urgency, submittedAt, headStart)), 0, submittedAt, List.of(), null,
                null, null);
    }

    /** A resolved request about to join its line again, reopened now. */
    static LineMember reopening(RoutedRequest request, QueueDefinition queue, Duration headStart, Instant now) {
        return new LineMember(request.id(), Line.of(queue, request.language()), request.language(), false,
                request.urgency(), millis(Priority.rank(request.urgency(), now, headStart)), 0, now, List.of(),
                request.ownerId(), null, null);
    }

    /** An owned request about to go back to its line now, its owner having left it; it keeps its rank. */
    static LineMember releasing(RoutedRequest request, QueueDefinition queue, Instant now) {
        return new LineMember(request.id(), Line.of(queue, request.language()), request.language(), false,
                request.urgency(), millis(request.rank()), 0, now, List.of(), request.ownerId(), null, null);
    }

    /** Whether its customer would hear of {@code current} now: see {@link RoutedRequest#standIn}. */
    boolean wouldHearOf(Standing current, Instant now, Duration quietPeriod) {
        return !offered && (place == null || place.isNews(current, now, quietPeriod));
    }

    /** Whether the agent declined it less than {@code coolDown} ago. */
    boolean wasDeclinedBy(String agentId, Instant now, Duration coolDown) {
        for (Decline decline : declines) {
            if (decline.agentId().equals(agentId) && decline.standsAt(now, coolDown)) {
                return true;
            }
        }
        return false;
    }

    /** Whether only its previous owner may be offered it now. */
    boolean waitsForPreviousOwner(Instant now) {
        return previousOwnerId != null && knownAgentUntil != null && now.isBefore(knownAgentUntil);
    }

    private static Instant millis(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MILLIS);
    }
}
