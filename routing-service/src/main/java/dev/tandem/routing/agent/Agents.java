package dev.tandem.routing.agent;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The agents and their slots. Each change is one atomic conditional update of one agent document, so that
 * any number of instances may reserve and release slots at once without ever exceeding an agent's capacity.
 */
@Component
public class Agents {

    private static final String FREE_SLOTS = "freeSlots";
    private static final String ACTIVE = "activeRequests";

    private final MongoTemplate mongo;
    private final ApplicationEventPublisher events;

    Agents(MongoTemplate mongo, ApplicationEventPublisher events) {
        this.mongo = mongo;
        this.events = events;
    }

    public Optional<Agent> find(String agentId) {
        return Optional.ofNullable(mongo.findById(agentId, Agent.class));
    }

    /** The agents that could take an offer right now. */
    public List<Agent> withFreeSlots() {
        return mongo.find(Query.query(Criteria.where("presence").is(AgentPresence.AVAILABLE)
                .and(FREE_SLOTS).gt(0)), Agent.class);
    }

    /** The agents at work: available, whether or not they have a slot free. */
    public List<Agent> available() {
        return mongo.find(Query.query(Criteria.where("presence").is(AgentPresence.AVAILABLE)), Agent.class);
    }

    /** The agents holding a reservation made before the cutoff. */
    public List<Agent> withReservationsBefore(Instant cutoff) {
        return mongo.find(Query.query(Criteria.where(ACTIVE + ".since").lt(cutoff)), Agent.class);
    }

    /**
     * Takes one of the agent's slots for the request, if the agent is still available, has a slot free and
     * does not hold this request already.
     *
     * @return the agent as it is now, or empty when the slot could not be taken
     */
    public Optional<Agent> reserve(String agentId, String requestId, Instant since) {
        Query available = Query.query(Criteria.where("_id").is(agentId)
                .and("presence").is(AgentPresence.AVAILABLE)
                .and(FREE_SLOTS).gt(0)
                .and(ACTIVE + ".requestId").ne(requestId));
        Update take = new Update().inc(FREE_SLOTS, -1).push(ACTIVE, new ActiveRequest(requestId, since));
        return Optional.ofNullable(mongo.findAndModify(available, take,
                FindAndModifyOptions.options().returnNew(true), Agent.class));
    }

    /** Frees the slot of a request the agent has finished with; the agent counts as idle from now. */
    public void free(String agentId, ActiveRequest reservation, Instant now) {
        release(agentId, reservation, new Update().set("idleSince", now));
    }

    /** Gives back a slot that never became an offer; the agent's idle time is left as it was. */
    public void cancel(String agentId, ActiveRequest reservation) {
        release(agentId, reservation, new Update());
    }

    private void release(String agentId, ActiveRequest reservation, Update update) {
        // conditional on this very reservation, so that releasing twice frees one slot, and a release that
        // comes late cannot free a newer reservation of the same request
        Query held = Query.query(Criteria.where("_id").is(agentId).and(ACTIVE).elemMatch(
                Criteria.where("requestId").is(reservation.requestId()).and("since").is(reservation.since())));
        mongo.updateFirst(held, update.inc(FREE_SLOTS, 1)
                .pull(ACTIVE, new Document("requestId", reservation.requestId())), Agent.class);
    }

    /**
     * Sets the agent's presence. Becoming available starts the agent's idle time and tells routing, which
     * then offers the agent waiting requests.
     */
    Optional<Agent> changePresence(String agentId, AgentPresence presence, Instant now) {
        if (presence != AgentPresence.AVAILABLE) {
            return Optional.ofNullable(mongo.findAndModify(Query.query(Criteria.where("_id").is(agentId)),
                    new Update().set("presence", presence), FindAndModifyOptions.options().returnNew(true),
                    Agent.class));
        }
        Agent became = mongo.findAndModify(
                Query.query(Criteria.where("_id").is(agentId).and("presence").ne(AgentPresence.AVAILABLE)),
                new Update().set("presence", presence).set("idleSince", now),
                FindAndModifyOptions.options().returnNew(true), Agent.class);
        if (became == null) {
            return find(agentId);
        }
        events.publishEvent(new AgentBecameAvailable(agentId));
        // read again: routing has just offered the agent what was waiting
        return find(agentId);
    }
}
