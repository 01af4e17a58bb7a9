package dev.tandem.routing.assignment;

import dev.tandem.platform.aggregate.Aggregates;
import dev.tandem.platform.web.StateConflictException;
import dev.tandem.routing.agent.ActiveRequest;
import dev.tandem.routing.agent.Agent;
import dev.tandem.routing.agent.AgentBecameAvailable;
import dev.tandem.routing.agent.Agents;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DataRetrievalFailureException;
import org.springframework.stereotype.Component;

/**
 * Offers waiting requests to agents. Any number of dispatches may run at once, in this instance and in
 * others: an offer first reserves the agent's slot with one conditional update of the agent, then claims the
 * request with one versioned write of the request. Whoever loses either step has changed nothing, or gives
 * the slot back. It runs after each change that puts a request in the queue or frees a slot, when an agent becomes
 * available, and on every routing sweep.
 */
@Component
class Dispatcher {

    // a reservation fails when another dispatch took the agent's last slot first, or the agent went away:
    // look again, but not forever
    private static final int ATTEMPTS_PER_REQUEST = 3;
    private static final Logger log = LoggerFactory.getLogger(Dispatcher.class);

    private final RoutedRequestRepository requests;
    private final Aggregates aggregates;
    private final Agents agents;
    private final RoutingProperties properties;
    private final Clock clock;

    Dispatcher(RoutedRequestRepository requests, Aggregates aggregates, Agents agents, RoutingProperties properties,
               Clock clock) {
        this.requests = requests;
        this.aggregates = aggregates;
        this.agents = agents;
        this.properties = properties;
        this.clock = clock;
    }

    /** Offers the waiting requests, most urgent and then oldest first, to the best eligible agents. */
    void dispatch() {
        // this run's view of the agents who can take an offer, corrected whenever a reservation tells more
        Map<String, Agent> free = new LinkedHashMap<>();
        agents.withFreeSlots().forEach(agent -> free.put(agent.id(), agent));
        if (free.isEmpty()) {
            return;
        }
        try (Stream<RoutedRequest> waiting = requests.streamByStatusOrderByPriorityDescSubmittedAtAsc(
                RequestStatus.WAITING)) {
            Iterator<RoutedRequest> inOrder = waiting.iterator();
            while (inOrder.hasNext() && !free.isEmpty()) {
                offer(inOrder.next(), free);
            }
        }
    }

    @EventListener
    void on(AgentBecameAvailable event) {
        dispatch();
    }

    private void offer(RoutedRequest request, Map<String, Agent> free) {
        for (int attempt = 0; attempt < ATTEMPTS_PER_REQUEST; attempt++) {
            Optional<Router.Choice> choice = Router.choose(request, free.values());
            if (choice.isEmpty()) {
                return;
            }
            String agentId = choice.get().agent().id();
            Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
            Optional<Agent> reserved = agents.reserve(agentId, request.id(), now);
            if (reserved.isEmpty()) {
                remember(free, agentId, agents.find(agentId));
                continue;
            }
            boolean offered = claim(request, choice.get(), now);
            // after a lost claim the slot is free again, and may serve the next request of this run
            remember(free, agentId, offered ? reserved : agents.find(agentId));
            return;
        }
    }

    /** Offers the request to the agent whose slot is reserved; gives the slot back if another dispatch was first. */
    private boolean claim(RoutedRequest request, Router.Choice choice, Instant now) {
        String agentId = choice.agent().id();
        try {
            // the request may have changed since it was read: then the offer is applied again to it as stored, and
            // the domain refuses it if it no longer waits, or was declined by this agent meanwhile
            aggregates.update(request, waiting -> waiting.offerTo(agentId, choice.reason(), now,
                    now.plus(properties.offerTimeout())));
            log.info("Offered request {} (correlation {}) to agent {}: {}", request.id(), request.correlationId(),
                    agentId, choice.reason());
            return true;
        } catch (StateConflictException | DataRetrievalFailureException anotherDispatchWasFirst) {
            agents.cancel(agentId, new ActiveRequest(request.id(), now));
            return false;
        }
    }

    private static void remember(Map<String, Agent> free, String agentId, Optional<Agent> current) {
        current.filter(Agent::takesOffers).ifPresentOrElse(agent -> free.put(agentId, agent),
                () -> free.remove(agentId));
    }
}
