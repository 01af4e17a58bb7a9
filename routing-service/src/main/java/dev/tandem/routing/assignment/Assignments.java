package dev.tandem.routing.assignment;

import dev.tandem.contracts.intake.RequestSubmitted;
import dev.tandem.platform.aggregate.Aggregates;
import dev.tandem.platform.web.FieldError;
import dev.tandem.platform.web.InvalidRequestException;
import dev.tandem.platform.web.ResourceNotFoundException;
import dev.tandem.platform.web.StateConflictException;
import dev.tandem.routing.agent.ActiveRequest;
import dev.tandem.routing.agent.Agent;
import dev.tandem.routing.agent.Agents;
import dev.tandem.routing.queue.QueueCatalog;
import dev.tandem.routing.queue.QueueDefinition;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;

/**
 * Everything that happens to a routed request: it joins its queue, agents accept, decline, promise an update and
 * resolve, offers expire, customers withdraw and reopen. Each change goes through {@link Aggregates}; the changes
 * that put a request in the queue or free an agent's slot then dispatch, so that waiting requests and free agents
 * meet at once (expiries excepted: the sweep that expires offers dispatches next). A change that ends an agent's hold on a request writes the request first and frees the slot after:
 * a crash in between leaves a reserved slot with nothing behind it, which the {@link ReservationReconciler}
 * reclaims.
 */
@Component
class Assignments {

    /** How far ahead an owner may promise the next update: further out, it tells the customer nothing. */
    static final int LONGEST_PROMISE_DAYS = 30;
    private static final Logger log = LoggerFactory.getLogger(Assignments.class);

    private final RoutedRequestRepository requests;
    private final Aggregates aggregates;
    private final Agents agents;
    private final Dispatcher dispatcher;
    private final Router router;
    private final QueuePositions positions;
    private final QueueCatalog catalog;
    private final RoutingProperties properties;
    private final QueueStatistics statistics;
    private final Clock clock;

    Assignments(RoutedRequestRepository requests, Aggregates aggregates, Agents agents, Dispatcher dispatcher,
                Router router, QueuePositions positions, QueueCatalog catalog, RoutingProperties properties,
                QueueStatistics statistics, Clock clock) {
        this.statistics = statistics;
        this.requests = requests;
        this.aggregates = aggregates;
        this.agents = agents;
        this.dispatcher = dispatcher;
        this.router = router;
        this.positions = positions;
        this.catalog = catalog;
        this.properties = properties;
        this.clock = clock;
    }

    RoutedRequest request(String requestId) {
        return requests.findById(requestId).orElseThrow(() -> notFound(requestId));
    }

    /** The offers the agent can still accept, oldest first: requests from the queue, then handoffs. */
    List<RoutedRequest> pendingOffers(String agentId) {
        String known = agent(agentId).id();
        Instant now = clock.instant();
        // an expired offer waits for the next sweep to return it, but can no longer be accepted: leave it out
        List<RoutedRequest> offers = new ArrayList<>(requests
                .findByStatusAndOfferedToOrderByOfferedAtAsc(RequestStatus.OFFERED, known).stream()
                .filter(request -> now.isBefore(request.offerExpiresAt())).toList());
        offers.addAll(requests.findByHandoffOfferedToOrderByHandoffOfferedAtAsc(known).stream()
                .filter(request -> now.isBefore(request.handoff().expiresAt())).toList());
        return offers;
    }

    /** A submitted request joins the queue that takes its category, where it stands behind those served before it. */
    void queue(RequestSubmitted submitted) {
        QueueDefinition queue = catalog.forCategory(Objects.requireNonNull(submitted.category(), "category"));
        Standing standing = positions.placeOf(LineMember.arriving(submitted, queue, properties.urgencyHeadStart()));
        try {
            // the request id is the document id: however often the event comes, there is one routed request
            requests.insert(RoutedRequest.queue(submitted, queue, standing, properties.urgencyHeadStart(),
                    properties.sla(), clock.instant()));
        } catch (DuplicateKeyException alreadyQueued) {
            log.debug("Request {} is already queued", submitted.requestId());
            return;
        }
        dispatcher.dispatch();
    }

    /** The customer reopened a resolved request: it joins its queue again. */
    void reopen(String requestId) {
        Instant now = clock.instant();
        Optional<RoutedRequest> reopened = aggregates.updateIf(RoutedRequest.class, requestId, request -> {
            QueueDefinition queue = catalog.named(request.queue());
            return request.reopen(positions.placeOf(LineMember.reopening(request, queue,
                    properties.urgencyHeadStart(), now)), properties.urgencyHeadStart(), properties.knownAgentWindow(),
                    properties.sla(), now);
        });
        if (reopened.isEmpty()) {
            log.warn("Request {} was reopened but routing never queued it", requestId);
            return;
        }
        dispatcher.dispatch();
    }

    /** The agent takes on the request offered to them from its queue, or handed to them by its owner. */
    RoutedRequest accept(String agentId, String requestId) {
        Agent agent = agent(agentId);
        Instant now = clock.instant();
        Acceptance accepted = aggregates.apply(RoutedRequest.class, requestId, request -> request.isHandedTo(agent.id())
                ? new Acceptance(request, request.acceptHandoff(agent.id(), agent.name(), now), false)
                : new Acceptance(request, null, request.accept(agent.id(), agent.name(), agent.tier(),
                        Line.of(catalog, request).language(), positions.agentsAvailableFor(request), now)))
                .orElseThrow(() -> notFound(requestId));
        if (accepted.handedOver() != null) {
            // the owner before let go of it
            free(accepted.handedOver());
            dispatcher.dispatch();
        } else {
            statistics.accepted(accepted.request(), accepted.breachedNow());
        }
        return accepted.request();
    }

    /**
     * A request accepted: from its queue, and then whether its target passed just before, too lately for the sweep
     * to see; or handed over, and then the slot of the owner before.
     */
    private record Acceptance(RoutedRequest request, SlotRelease handedOver, boolean breachedNow) {
    }

    /**
     * Declines the offer and offers the request to the next agent. When every eligible agent has now declined it, it
     * moves on to its next relaxation step at once, and on past every step whose eligible agents all declined it.
     */
    RoutedRequest decline(String agentId, String requestId) {
        Agent agent = agent(agentId);
        Instant now = clock.instant();
        RoutedRequest declined = release(requestId, request -> request.isHandedTo(agent.id())
                ? request.declineHandoff(agent.id(), now) : request.decline(agent.id(), now));
        if (declined.status() != RequestStatus.WAITING) {
            // a declined handoff: its owner keeps it
            dispatcher.dispatch();
            return declined;
        }
        statistics.declined(declined.queue());
        if (router.allEligibleDeclined(declined, now)) {
            declined = aggregates.updateIf(RoutedRequest.class, requestId, request -> relaxPastDeclines(request, now))
                    .orElse(declined);
        }
        dispatcher.dispatch();
        return declined;
    }

    // moves the request on, step by step, past every step whose eligible agents at work have all declined it
    private boolean relaxPastDeclines(RoutedRequest request, Instant now) {
        boolean moved = false;
        while (router.allEligibleDeclined(request, now)
                && request.relax(catalog.named(request.queue()), "every eligible agent declined it", now)) {
            moved = true;
        }
        return moved;
    }

    /** The owner promises the customer their next update by a time that lies ahead, at most 30 days. */
    RoutedRequest promise(String requestId, String agentId, Instant nextUpdateBy, String note) {
        Instant now = clock.instant();
        if (!nextUpdateBy.isAfter(now)) {
            throw new InvalidRequestException(List.of(new FieldError("nextUpdateBy", "must be in the future")));
        }
        if (nextUpdateBy.isAfter(now.plus(Duration.ofDays(LONGEST_PROMISE_DAYS)))) {
            throw new InvalidRequestException(List.of(new FieldError("nextUpdateBy",
                    "must be at most " + LONGEST_PROMISE_DAYS + " days ahead")));
        }
        return change(requestId, request -> request.promiseUpdate(agentId, nextUpdateBy, note, now));
    }

    /** Resolves the request and offers the freed slot to the next waiting request. */
    RoutedRequest resolve(String requestId, String agentId, String summary) {
        Instant now = clock.instant();
        RoutedRequest resolved = release(requestId, request -> request.resolve(agentId, summary, now));
        dispatcher.dispatch();
        return resolved;
    }

    /**
     * The customer withdrew the request: it leaves its queue, or the desk of the agent it was offered to or owned
     * by, whose slot is free again. A request routing never saw, or one already closed, is left alone.
     */
    void withdraw(String requestId) {
        Instant now = clock.instant();
        aggregates.applyIf(RoutedRequest.class, requestId, request -> request.withdraw(now)).ifPresent(release -> {
            free(release);
            dispatcher.dispatch();
        });
    }

    /**
     * Returns every offer nobody answered in time to its queue, and every handoff to its owner; the sweep's dispatch
     * offers the requests to someone else.
     */
    void expireOverdueOffers() {
        Instant now = clock.instant();
        for (RoutedRequest request : requests.findByStatusAndOfferExpiresAtLessThanEqual(RequestStatus.OFFERED, now)) {
            whileUnchanged(request, "its offer expired", () -> {
                release(request.id(), overdue -> overdue.expire(now));
                statistics.expired(request.queue());
                log.info("The offer of request {} (correlation {}) expired", request.id(), request.correlationId());
            });
        }
        for (RoutedRequest request : requests.findByHandoffExpiresAtLessThanEqual(now)) {
            whileUnchanged(request, "its handoff expired", () -> {
                release(request.id(), overdue -> overdue.expireHandoff(now));
                log.info("The handoff of request {} (correlation {}) expired; its owner keeps it", request.id(),
                        request.correlationId());
            });
        }
    }

    /**
     * Sets off the time-to-owner timers that are due: requests without an owner escalate at their share of the
     * target, and are recorded as breaches at the target.
     */
    void runSlaTimers() {
        Instant now = clock.instant();
        for (RoutedRequest due : requests.findByEscalateAtLessThanEqual(now)) {
            QueueDefinition queue = catalog.named(due.queue());
            whileUnchanged(due, "it escalated", () -> aggregates.applyIf(RoutedRequest.class, due.id(),
                    request -> request.escalate(queue, properties.sla().target(request.urgency()), now)
                            ? Optional.of(request) : Optional.empty()).ifPresent(request -> {
                                statistics.escalated(request.queue());
                                log.info("Request {} (correlation {}) escalated, due at {}", request.id(),
                                        request.correlationId(), request.slaDueAt());
                            }));
        }
        for (RoutedRequest due : requests.findByBreachAtLessThanEqual(now)) {
            whileUnchanged(due, "it passed its target", () -> aggregates.applyIf(RoutedRequest.class, due.id(),
                    request -> request.breach(now) ? Optional.of(request) : Optional.empty())
                    .ifPresent(request -> statistics.breached(request.queue())));
        }
    }

    /**
     * Hands onward what owners who left have in hand: each request they own, once they have been offline or away
     * longer than the grace period, goes back to its queue with a handoff packet, and its owner's slot is free.
     */
    void handOnFromAbsentOwners() {
        Instant now = clock.instant();
        boolean released = false;
        for (Agent gone : agents.goneWithRequests(properties.ownerGoneGrace(), now)) {
            for (String requestId : gone.activeRequestIds()) {
                // where it would stand is worked out only for a request that is still theirs: an offer they left
                // unanswered lapses by itself
                Optional<SlotRelease> release = aggregates.applyIf(RoutedRequest.class, requestId, request ->
                        !request.isReleasableFrom(gone.id()) ? Optional.empty()
                                : request.releaseFrom(gone.id(), gone.presenceSince(), positions.placeOf(
                                LineMember.releasing(request, catalog.named(request.queue()), now)),
                                properties.sla(), now));
                if (release.isPresent()) {
                    free(release.get());
                    released = true;
                    log.info("Request {} went back to its queue: its owner {} has been {} since {}", requestId,
                            gone.id(), gone.presence(), gone.presenceSince());
                }
            }
        }
        if (released) {
            dispatcher.dispatch();
        }
    }

    /**
     * The owner hands the request to a colleague, with a packet of what the colleague needs to know: to the named
     * one, or the first free of a tier or team. The colleague's slot is reserved and they are offered it; the owner
     * keeps it until they accept.
     *
     * @throws StateConflictException when the caller does not own it, a handoff is under way, or nobody of the
     *                                target can take it now
     */
    RoutedRequest handOver(String requestId, String ownerId, HandoffTarget target, String summary,
                           List<String> stepsTried, List<HandoffPacket.Promise> promises) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        RoutedRequest request = request(requestId);
        if (request.status() != RequestStatus.ASSIGNED || !ownerId.equals(request.ownerId())) {
            throw new StateConflictException("Only the owner of request " + requestId
                    + " can hand it over, and only while it is assigned");
        }
        if (target.agentId() != null) {
            agent(target.agentId());
            if (target.agentId().equals(ownerId)) {
                throw new InvalidRequestException(List.of(new FieldError("to.agentId",
                        "is the owner already: name a colleague")));
            }
        }
        Router.HandoffChoice choice = router.forHandoff(request, target, now);
        if (choice.agent() == null) {
            throw new StateConflictException("Request " + requestId + " cannot be handed over now: " + choice.nobody());
        }
        String colleague = choice.agent().id();
        ActiveRequest reservation = new ActiveRequest(requestId, now, request.urgency());
        if (agents.reserve(colleague, reservation).isEmpty()) {
            throw new StateConflictException("Agent " + colleague + " took their last free slot a moment ago; try "
                    + "again");
        }
        try {
            return change(requestId, owned -> owned.offerHandoff(ownerId, target,
                    owned.packet(summary, stepsTried, promises), colleague, choice.agent().tier(), choice.why(), now,
                    now.plus(properties.offerTimeout())));
        } catch (RuntimeException refused) {
            agents.cancel(colleague, reservation);
            throw refused;
        }
    }

    // a change the sweep makes to a request it read: another instance may have made it first, or another change
    private static void whileUnchanged(RoutedRequest request, String what, Runnable change) {
        try {
            change.run();
        } catch (StateConflictException changedMeanwhile) {
            log.debug("Request {} changed while {}: {}", request.id(), what, changedMeanwhile.getMessage());
        }
    }

    private RoutedRequest change(String requestId, Consumer<RoutedRequest> change) {
        return aggregates.update(RoutedRequest.class, requestId, change).orElseThrow(() -> notFound(requestId));
    }

    // a change that ends an agent's hold on the request: once it is stored, the slot is free for the next request
    private RoutedRequest release(String requestId, Function<RoutedRequest, SlotRelease> change) {
        SlotRelease release = aggregates.apply(RoutedRequest.class, requestId, change)
                .orElseThrow(() -> notFound(requestId));
        free(release);
        return release.request();
    }

    private void free(SlotRelease release) {
        for (SlotRelease.Held held : release.held()) {
            agents.free(held.agentId(), held.reservation(), clock.instant());
        }
    }

    private Agent agent(String agentId) {
        return agents.known(agentId).or(() -> agents.find(agentId)).orElseThrow(() -> new ResourceNotFoundException("agent", agentId));
    }

    private static ResourceNotFoundException notFound(String requestId) {
        return new ResourceNotFoundException("request", requestId);
    }
}
