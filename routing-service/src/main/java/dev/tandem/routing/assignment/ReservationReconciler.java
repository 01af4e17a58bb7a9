package dev.tandem.routing.assignment;

import dev.tandem.platform.aggregate.Aggregates;
import dev.tandem.platform.web.StateConflictException;
import dev.tandem.routing.agent.ActiveRequest;
import dev.tandem.routing.agent.Agent;
import dev.tandem.routing.agent.Agents;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Reclaims slots that a crash left reserved: between reserving an agent's slot and claiming the request, or
 * between ending a hold on a request and freeing the slot, there is no transaction to roll back. A
 * reservation older than the grace period whose request is not offered to or owned by the agent is released, once the
 * request knows that no offer may be made on its strength any more.
 * <p>
 * Every agent with a request in hand holds a reservation older than the grace period, so a look reads all of them
 * and their requests. It runs at most every sixth of the grace period (5 seconds by default), not on every sweep:
 * a leaked slot is rare, and waiting a few seconds more for it costs nothing but that slot.
 */
@Component
class ReservationReconciler {

    private static final Logger log = LoggerFactory.getLogger(ReservationReconciler.class);

    private final Agents agents;
    private final RoutedRequestRepository requests;
    private final Aggregates aggregates;
    private final RoutingProperties properties;
    private final Clock clock;
    // guarded by this
    private Instant lastLook;

    ReservationReconciler(Agents agents, RoutedRequestRepository requests, Aggregates aggregates,
                          RoutingProperties properties, Clock clock) {
        this.agents = agents;
        this.requests = requests;
        this.aggregates = aggregates;
        this.properties = properties;
        this.clock = clock;
    }

    void releaseLeakedReservations() {
        Instant now = clock.instant();
        synchronized (this) {
            if (lastLook != null && now.isBefore(lastLook.plus(properties.reservationGrace().dividedBy(6)))) {
                return;
            }
            lastLook = now;
        }
        Instant cutoff = now.minus(properties.reservationGrace());
        List<Agent> holding = agents.withReservationsBefore(cutoff);
        if (holding.isEmpty()) {
            return;
        }
        List<String> requestIds = holding.stream().flatMap(agent -> agent.activeRequests().stream())
                .map(ActiveRequest::requestId).distinct().toList();
        Map<String, RoutedRequest> byId = requests.findAllById(requestIds).stream()
                .collect(Collectors.toMap(RoutedRequest::id, Function.identity()));
        for (Agent agent : holding) {
            agent.activeRequests().stream().filter(reservation -> reservation.since().isBefore(cutoff))
                    .forEach(reservation -> reconcile(agent.id(), reservation, byId.get(reservation.requestId()),
                            cutoff));
        }
    }

    private void reconcile(String agentId, ActiveRequest reservation, RoutedRequest request, Instant cutoff) {
        if (request != null && request.occupiesSlotOf(agentId)) {
            return;
        }
        if (request != null && !fence(request.id(), agentId, cutoff)) {
            return;
        }
        log.warn("Agent {} had a slot reserved for request {} since {} with no offer behind it; released",
                agentId, reservation.requestId(), reservation.since());
        agents.cancel(agentId, reservation);
    }

    /**
     * Tells the request, as stored, that the agent's reservations for it from before the cutoff are given back, so
     * that a dispatch that reserved the slot long ago and has not claimed the request yet can no longer claim it
     * once the slot is gone. Whatever state the request is in: one offered to another agent now may wait again later.
     *
     * @return false when the request turns out to be offered to or owned by the agent after all, or kept changing
     *         meanwhile; it is looked at again on the next run
     */
    private boolean fence(String requestId, String agentId, Instant cutoff) {
        try {
            return aggregates.updateIf(RoutedRequest.class, requestId, request -> request.reclaim(agentId, cutoff))
                    .map(request -> !request.occupiesSlotOf(agentId)).orElse(true);
        } catch (StateConflictException keptChanging) {
            return false;
        }
    }
}
