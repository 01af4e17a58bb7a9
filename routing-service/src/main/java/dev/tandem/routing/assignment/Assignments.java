package dev.tandem.routing.assignment;

import dev.tandem.contracts.intake.RequestSubmitted;
import dev.tandem.platform.aggregate.Aggregates;
import dev.tandem.platform.web.FieldError;
import dev.tandem.platform.web.InvalidRequestException;
import dev.tandem.platform.web.ResourceNotFoundException;
import dev.tandem.platform.web.StateConflictException;
import dev.tandem.routing.agent.Agent;
import dev.tandem.routing.agent.Agents;
import dev.tandem.routing.queue.QueueCatalog;
import dev.tandem.routing.queue.QueueDefinition;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
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
    private final Clock clock;

    Assignments(RoutedRequestRepository requests, Aggregates aggregates, Agents agents, Dispatcher dispatcher,
                Router router, QueuePositions positions, QueueCatalog catalog, RoutingProperties properties,
                Clock clock) {
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

    /** The offers the agent can still accept, oldest first. */
    List<RoutedRequest> pendingOffers(String agentId) {
        String known = agent(agentId).id();
        Instant now = clock.instant();
        // an expired offer waits for the next sweep to return it, but can no longer be accepted: leave it out
        return requests.findByStatusAndOfferedToOrderByOfferedAtAsc(RequestStatus.OFFERED, known).stream()
                .filter(request -> now.isBefore(request.offerExpiresAt())).toList();
    }

    /** A submitted request joins the queue that takes its category, where it stands behind those served before it. */
    void queue(RequestSubmitted submitted) {
        QueueDefinition queue = catalog.forCategory(Objects.requireNonNull(submitted.category(), "category"));
        Standing standing = positions.placeOf(LineMember.arriving(submitted, queue, properties.urgencyHeadStart()));
        try {
            // the request id is the document id: however often the event comes, there is one routed request
            requests.insert(RoutedRequest.queue(submitted, queue, standing, properties.urgencyHeadStart(),
                    clock.instant()));
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
                    now);
        });
        if (reopened.isEmpty()) {
            log.warn("Request {} was reopened but routing never queued it", requestId);
            return;
        }
        dispatcher.dispatch();
    }

    RoutedRequest accept(String agentId, String requestId) {
        Agent agent = agent(agentId);
        Instant now = clock.instant();
        return change(requestId, request -> request.accept(agent.id(), agent.name(),
                Line.of(catalog, request).language(),
                positions.agentsAvailableFor(request), now));
    }

    /**
     * Declines the offer and offers the request to the next agent. When every eligible agent has now declined it, it
     * moves on to its next relaxation step at once, and on past every step whose eligible agents all declined it.
     */
    RoutedRequest decline(String agentId, String requestId) {
        Agent agent = agent(agentId);
        Instant now = clock.instant();
        RoutedRequest declined = release(requestId, request -> request.decline(agent.id(), now));
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

    /** Returns every offer nobody answered in time to its queue; the sweep's dispatch offers it to someone else. */
    void expireOverdueOffers() {
        Instant now = clock.instant();
        for (RoutedRequest request : requests.findByStatusAndOfferExpiresAtLessThanEqual(RequestStatus.OFFERED, now)) {
            try {
                release(request.id(), overdue -> overdue.expire(now));
                log.info("The offer of request {} (correlation {}) expired", request.id(), request.correlationId());
            } catch (StateConflictException answeredMeanwhile) {
                log.debug("Request {} changed while its offer expired: {}", request.id(),
                        answeredMeanwhile.getMessage());
            }
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
        if (release.freesASlot()) {
            agents.free(release.agentId(), release.reservation(), clock.instant());
        }
    }

    private Agent agent(String agentId) {
        return agents.known(agentId).or(() -> agents.find(agentId)).orElseThrow(() -> new ResourceNotFoundException("agent", agentId));
    }

    private static ResourceNotFoundException notFound(String requestId) {
        return new ResourceNotFoundException("request", requestId);
    }
}
