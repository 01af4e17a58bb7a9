package dev.tandem.routing.assignment;

import dev.tandem.routing.assignment.HandoffPacket.OwnerSpell;
import dev.tandem.routing.queue.QueueCatalog;
import dev.tandem.routing.queue.QueueDefinition;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * How a request went through routing, for supervisors: the queue, the step in force now, how it stands against its
 * time-to-owner target, how long it had no owner, who owned it, the handoff under way, and everything that
 * happened, oldest first, each offer with why its agent was chosen.
 *
 * @param step            the step in force now, 1 for the first; null when the request does not wait
 * @param stepDescription what that step asks, in words
 * @param nextStepAt      when it moves to the next step by itself, if it waits and has a next step
 * @param handoff         the handoff under way, with its packet; null when none is
 */
record RoutingHistoryView(String requestId, String queue, RequestStatus status, Integer step, String stepDescription,
                          Instant nextStepAt, Sla sla, Ownerless ownerless, List<OwnerSpell> owners,
                          Handoff handoff, List<RoutingEntry> history) {

    static RoutingHistoryView of(RoutedRequest request, QueueCatalog catalog, Instant now) {
        QueueDefinition queue = catalog.named(request.queue());
        Sla sla = new Sla(request.slaDueAt(), request.escalateAt(), request.escalatedAt(), request.slaBreachedAt());
        Ownerless ownerless = new Ownerless(request.ownerlessSince(), request.ownerless(now), request.lastOwnerless());
        QueueDefinition.StepInForce step = request.status() == RequestStatus.WAITING
                ? request.stepInForce(queue, now) : null;
        return new RoutingHistoryView(request.id(), request.queue(), request.status(),
                step == null ? null : step.index() + 1,
                step == null ? null : queue.step(step.index()).describe(queue.skills()),
                step == null ? null : step.endsAt(), sla, ownerless, request.owners(), request.handoff(),
                request.history());
    }

    /**
     * The request against its time-to-owner target, since it last joined its queue.
     *
     * @param dueAt       when an owner is to have accepted it
     * @param escalatesAt when it escalates, if it still has no owner then; null once it escalated or got an owner
     * @param escalatedAt when it escalated; null if it did not
     * @param breachedAt  when it passed its target without an owner; null if it did not
     */
    record Sla(Instant dueAt, Instant escalatesAt, Instant escalatedAt, Instant breachedAt) {
    }

    /**
     * How long it had no one working on it: from joining its queue, or its owner leaving, until an agent accepted it.
     *
     * @param since     since when it has had no owner; null while it has one
     * @param total     in all, up to now
     * @param lastSpell until its latest owner accepted it
     */
    record Ownerless(Instant since, Duration total, Duration lastSpell) {
    }
}
