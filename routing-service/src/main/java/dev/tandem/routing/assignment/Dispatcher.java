package dev.tandem.routing.assignment;

import dev.tandem.platform.aggregate.Aggregates;
import dev.tandem.platform.web.StateConflictException;
import dev.tandem.routing.agent.ActiveRequest;
import dev.tandem.routing.agent.AgentBecameAvailable;
import dev.tandem.routing.agent.Agents;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DataRetrievalFailureException;
import org.springframework.stereotype.Component;

/**
 * Makes the offers the {@link Router} decides. One dispatch runs at a time in an instance, and any number in others:
 * an offer first reserves the agent's slot with one conditional update of the agent, then claims the request
 * with one versioned write of the request. Whoever loses either step has changed nothing, or gives the slot back, and
 * this instance's picture of the agent or the request is read again. It runs after each change that puts a request
 * in the queue or frees a slot, when an agent becomes available, and on every routing sweep.
 */
@Component
class Dispatcher {

    // a dispatch stops after this many lost races in a row, the rest being left to the next one. Each lost race reads
    // the agent or the request again, so the picture converges; the bound is against a store that keeps disagreeing
    private static final int LOST_RACES = 100;
    private static final Logger log = LoggerFactory.getLogger(Dispatcher.class);

    private final Router router;
    private final LineBook book;
    private final Aggregates aggregates;
    private final Agents agents;
    private final RoutingProperties properties;
    private final Clock clock;
    private final QueueStatistics statistics;
    // whether a dispatch runs in this instance, and whether one was asked for since it began
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean wanted = new AtomicBoolean();

    Dispatcher(Router router, LineBook book, Aggregates aggregates, Agents agents, RoutingProperties properties,
               Clock clock, QueueStatistics statistics) {
        this.statistics = statistics;
        this.router = router;
        this.book = book;
        this.aggregates = aggregates;
        this.agents = agents;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * Offers waiting requests, in serving order, to the agents the router chooses, until no more can be offered. One
     * dispatch runs at a time in an instance: a call while one runs leaves the work to it, and it looks once more
     * when it is done, so that nothing asked for is missed. Dispatches of one instance racing each other would only
     * lose races to each other for the same heads of the same lines.
     */
    void dispatch() {
        wanted.set(true);
        while (wanted.get() && running.compareAndSet(false, true)) {
            try {
                wanted.set(false);
                dispatchAll();
            } finally {
                running.set(false);
            }
        }
    }

    private void dispatchAll() {
        int lost = 0;
        while (lost < LOST_RACES) {
            Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
            Optional<Router.Offer> next = router.next(now);
            if (next.isEmpty()) {
                return;
            }
            lost = offer(next.get(), now) ? 0 : lost + 1;
        }
    }

    @EventListener
    void on(AgentBecameAvailable event) {
        dispatch();
    }

    private boolean offer(Router.Offer offer, Instant now) {
        String agentId = offer.agent().id();
        String requestId = offer.member().id();
        ActiveRequest reservation = new ActiveRequest(requestId, now, offer.member().urgency());
        if (agents.reserve(agentId, reservation).isEmpty()) {
            // the agent's picture is read again by the failed reservation
            log.debug("Agent {} had no slot for request {} after all", agentId, requestId);
            return false;
        }
        try {
            // the request may have changed since this instance last saw it: the offer is applied to it as stored,
            // and the domain refuses it if it no longer waits, or this agent declined it meanwhile
            RoutedRequest offered = aggregates.update(RoutedRequest.class, requestId,
                    waiting -> waiting.offerTo(agentId, offer.explanation(), now, now.plus(properties.offerTimeout()),
                            properties.declineCoolDown())).orElse(null);
            if (offered == null) {
                agents.cancel(agentId, reservation);
                book.refresh(requestId);
                return false;
            }
            log.info("Offered request {} (correlation {}) to agent {}: {}", requestId, offered.correlationId(),
                    agentId, offered.reason());
            statistics.offered(offered.queue(), offer.explanation().step());
            return true;
        } catch (StateConflictException | DataRetrievalFailureException anotherDispatchWasFirst) {
            log.debug("Request {} could not be offered to agent {}: {}", requestId, agentId,
                    anotherDispatchWasFirst.getMessage());
            agents.cancel(agentId, reservation);
            book.refresh(requestId);
            return false;
        }
    }
}
