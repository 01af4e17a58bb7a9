package dev.tandem.routing.assignment;

import dev.tandem.routing.queue.QueueCatalog;
import dev.tandem.routing.queue.QueueDefinition;
import java.time.Instant;
import java.util.List;

/**
 * How a request went through routing, for supervisors: the queue, the step in force now, and everything that
 * happened, oldest first, each offer with why its agent was chosen.
 *
 * @param step            the step in force now, 1 for the first; null when the request does not wait
 * @param stepDescription what that step asks, in words
 * @param nextStepAt      when it moves to the next step by itself, if it waits and has a next step
 */
record RoutingHistoryView(String requestId, String queue, RequestStatus status, Integer step, String stepDescription,
                          Instant nextStepAt, List<RoutingEntry> history) {

    static RoutingHistoryView of(RoutedRequest request, QueueCatalog catalog, Instant now) {
        QueueDefinition queue = catalog.named(request.queue());
        if (request.status() != RequestStatus.WAITING) {
            return new RoutingHistoryView(request.id(), request.queue(), request.status(), null, null, null,
                    request.history());
        }
        QueueDefinition.StepInForce step = request.stepInForce(queue, now);
        return new RoutingHistoryView(request.id(), request.queue(), request.status(), step.index() + 1,
                queue.step(step.index()).describe(queue.skills()), step.endsAt(), request.history());
    }
}
