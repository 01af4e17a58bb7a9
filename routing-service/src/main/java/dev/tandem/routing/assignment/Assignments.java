package dev.tandem.routing.assignment;

import dev.tandem.platform.web.FieldError;
import dev.tandem.platform.web.InvalidRequestException;
import dev.tandem.platform.web.ResourceNotFoundException;
import dev.tandem.platform.web.StateConflictException;
import dev.tandem.routing.agent.ActiveRequest;
import dev.tandem.routing.agent.Agent;
import dev.tandem.routing.agent.Agents;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Component;

/**
 * What agents do with offers and requests: accept, decline, promise an update, resolve; and offers expiring. A
 * change that ends an agent's hold on a request writes the request first and frees the slot after: a crash in
 * between leaves a reserved slot with nothing behind it, which the {@link ReservationReconciler} reclaims.
 */
@Component
class Assignments {

    /** How far ahead an owner may promise the next update: further out, it tells the customer nothing. */
    static final int LONGEST_PROMISE_DAYS = 30;
    private static final Logger log = LoggerFactory.getLogger(Assignments.class);

    private final RoutedRequestRepository requests;
    private final Agents agents;
    private final Dispatcher dispatcher;
    private final QueuePositions positions;
    private final Clock clock;

    Assignments(RoutedRequestRepository requests, Agents agents, Dispatcher dispatcher, QueuePositions positions,
                Clock clock) {
        this.requests = requests;
        this.agents = agents;
        this.dispatcher = dispatcher;
        this.positions = positions;
        this.clock = clock;
    }

    RoutedRequest request(String requestId) {
        return requests.findById(requestId).orElseThrow(() -> new ResourceNotFoundException("request", requestId));
    }

    /** The offers the agent can still accept, oldest first. */
    List<RoutedRequest> pendingOffers(String agentId) {
        String known = agent(agentId).id();
        Instant now = clock.instant();
        // an expired offer waits for the next sweep to return it, but can no longer be accepted: leave it out
        return requests.findByStatusAndOfferedToOrderByOfferedAtAsc(RequestStatus.OFFERED, known).stream()
                .filter(request -> now.isBefore(request.offerExpiresAt())).toList();
    }

    RoutedRequest accept(String agentId, String requestId) {
        Agent agent = agent(agentId);
        RoutedRequest request = request(requestId);
        request.accept(agent.id(), agent.name(), positions.agentsAvailableFor(request), clock.instant());
        save(request);
        return request;
    }

    /** Declines the offer and offers the request to the next agent. */
    RoutedRequest decline(String agentId, String requestId) {
        Agent agent = agent(agentId);
        RoutedRequest request = releasing(request(requestId),
                declined -> declined.decline(agent.id(), clock.instant()));
        dispatcher.dispatch();
        return request;
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
        RoutedRequest request = request(requestId);
        request.promiseUpdate(agentId, nextUpdateBy, note, now);
        save(request);
        return request;
    }

    /** Resolves the request and offers the freed slot to the next waiting request. */
    RoutedRequest resolve(String requestId, String agentId, String summary) {
        RoutedRequest request = releasing(request(requestId),
                resolved -> resolved.resolve(agentId, summary, clock.instant()));
        dispatcher.dispatch();
        return request;
    }

    /**
     * The customer withdrew the request: it leaves its queue, or the desk of the agent it was offered to or owned
     * by, whose slot is free again. A request routing never saw, or one already closed, is left alone.
     */
    void withdraw(String requestId) {
        requests.findById(requestId).ifPresent(request -> {
            if (!request.isClosed()) {
                releasing(request, RoutedRequest::withdraw);
                dispatcher.dispatch();
            }
        });
    }

    /** Returns every offer nobody answered in time to its queue; the next dispatch offers it to someone else. */
    void expireOverdueOffers() {
        Instant now = clock.instant();
        for (RoutedRequest request : requests.findByStatusAndOfferExpiresAtLessThanEqual(RequestStatus.OFFERED, now)) {
            try {
                releasing(request, overdue -> overdue.expire(now));
                log.info("The offer of request {} (correlation {}) expired", request.id(), request.correlationId());
            } catch (StateConflictException answeredMeanwhile) {
                log.debug("Request {} changed while its offer expired: {}", request.id(),
                        answeredMeanwhile.getMessage());
            }
        }
    }

    private RoutedRequest releasing(RoutedRequest request, Consumer<RoutedRequest> change) {
        String holder = request.slotHolder();
        ActiveRequest reservation = request.reservation();
        change.accept(request);
        save(request);
        agents.free(holder, reservation, clock.instant());
        return request;
    }

    private void save(RoutedRequest request) {
        try {
            requests.save(request);
        } catch (OptimisticLockingFailureException e) {
            throw new StateConflictException("Request " + request.id() + " changed meanwhile; read it again");
        }
    }

    private Agent agent(String agentId) {
        return agents.find(agentId).orElseThrow(() -> new ResourceNotFoundException("agent", agentId));
    }
}
