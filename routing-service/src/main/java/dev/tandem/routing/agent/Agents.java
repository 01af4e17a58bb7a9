package dev.tandem.routing.agent;

import dev.tandem.contracts.intake.Urgency;
import dev.tandem.platform.web.StateConflictException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.bson.Document;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The agents and their slots. Each change is one atomic conditional update of one agent document, so that
 * any number of instances may reserve and release slots at once without ever exceeding an agent's capacity.
 * <p>
 * Routing decides from this instance's picture of the agents, in memory: who is at work, who has a slot free, with
 * which skills. It learns its own writes as it makes them, and other instances' by reading the agents changed since
 * it last looked ({@link #sync}). The picture can be a moment behind, never wrong in a way that matters: a slot is
 * taken only by the conditional update, and an agent the picture thought free but is not is read again.
 */
@Component
public class Agents {

    private static final String FREE_SLOTS = "freeSlots";
    private static final String ACTIVE = "activeRequests";
    private static final String CHANGED_AT = "changedAt";
    private static final String CHANGES = "changes";
    // another instance's clock may be behind this one's by this much, at most, for its changes to be read in time;
    // the full read every FULL_SYNC catches whatever a larger skew hid
    private static final Duration CLOCK_SKEW = Duration.ofSeconds(5);
    private static final Duration FULL_SYNC = Duration.ofMinutes(1);

    private final MongoTemplate mongo;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    // guarded by this: every agent as last known, and the ids of those who take offers, in all and by skill
    private final Map<String, Agent> known = new HashMap<>();
    private final Map<String, Agent> free = new LinkedHashMap<>();
    private final Map<String, Map<String, Agent>> freeBySkill = new HashMap<>();
    private Instant syncedAt;
    private Instant fullySyncedAt;

    public Agents(MongoTemplate mongo, ApplicationEventPublisher events, Clock clock) {
        this.mongo = mongo;
        this.events = events;
        this.clock = clock;
    }

    /** The agent as stored now. */
    public Optional<Agent> find(String agentId) {
        return Optional.ofNullable(remember(mongo.findById(agentId, Agent.class)));
    }

    /** The agent as this instance knows it, without reading the store. */
    public synchronized Optional<Agent> known(String agentId) {
        syncIfNeverDone();
        return Optional.ofNullable(known.get(agentId));
    }

    /** The agents who could take an offer right now, as this instance knows them. */
    public synchronized List<Agent> withFreeSlots() {
        syncIfNeverDone();
        return List.copyOf(free.values());
    }

    /** The agents with the skill who could take an offer right now, as this instance knows them. */
    public synchronized List<Agent> withFreeSlots(String skill) {
        syncIfNeverDone();
        Map<String, Agent> withSkill = freeBySkill.get(skill);
        return withSkill == null ? List.of() : List.copyOf(withSkill.values());
    }

    /** The agents at work (active and available, whether or not they have a slot free), as this instance knows them. */
    public synchronized List<Agent> available() {
        syncIfNeverDone();
        return known.values().stream().filter(Agent::isAtWork).toList();
    }

    /** Every agent, as this instance knows them. */
    public synchronized List<Agent> known() {
        syncIfNeverDone();
        return List.copyOf(known.values());
    }

    /**
     * The agents offline or away for at least {@code grace} with requests in hand, as this instance knows them.
     */
    public synchronized List<Agent> goneWithRequests(Duration grace, Instant now) {
        syncIfNeverDone();
        return known.values().stream().filter(agent -> !agent.activeRequests().isEmpty()
                && agent.goneLongerThan(grace, now)).toList();
    }

    /** Every agent, as stored. */
    public List<Agent> all() {
        return mongo.findAll(Agent.class).stream().map(this::remember).toList();
    }

    /** The agents holding a reservation made before the cutoff. */
    public List<Agent> withReservationsBefore(Instant cutoff) {
        return mongo.find(Query.query(Criteria.where(ACTIVE + ".since").lt(cutoff)), Agent.class);
    }

    /**
     * Adds an agent.
     *
     * @throws DuplicateKeyException when an agent with the id exists already
     */
    Agent register(Agent agent) {
        return remember(mongo.insert(agent));
    }

    /**
     * Takes one of the agent's slots for the request, if the agent is still active and available, has a slot free
     * and does not hold this request already.
     *
     * @return the agent as it is now, or empty when the slot could not be taken
     */
    public Optional<Agent> reserve(String agentId, ActiveRequest reservation) {
        Query available = Query.query(Criteria.where("_id").is(agentId)
                .and("active").is(true)
                .and("presence").is(AgentPresence.AVAILABLE)
                .and(FREE_SLOTS).gt(0)
                .and(ACTIVE + ".requestId").ne(reservation.requestId()));
        Update take = changed().inc(FREE_SLOTS, -1).push(ACTIVE, reservation);
        Agent taken = modify(available, take);
        if (taken == null) {
            // someone else took the last slot, or the agent went away: learn how they are now
            find(agentId);
        }
        return Optional.ofNullable(taken);
    }

    /**
     * Frees the slot of a request the agent has finished with; the agent counts as idle from now, and after a
     * CRITICAL request its wellbeing cool-down starts.
     */
    public void free(String agentId, ActiveRequest reservation, Instant now) {
        Update update = new Update().set("idleSince", now);
        if (reservation.urgency() == Urgency.CRITICAL) {
            update.set("hardCaseEndedAt", now);
        }
        release(agentId, reservation, update);
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
        modify(held, update.set(CHANGED_AT, clock.instant()).inc(CHANGES, 1).inc(FREE_SLOTS, 1)
                .pull(ACTIVE, new Document("requestId", reservation.requestId())));
    }

    /**
     * Sets the agent's presence. Becoming available starts the agent's idle time and tells routing, which
     * then offers the agent waiting requests.
     */
    Optional<Agent> changePresence(String agentId, AgentPresence presence, Instant now) {
        // conditional on a change, so that the time it changed is when it last changed, however often it is set
        Query changing = Query.query(Criteria.where("_id").is(agentId).and("presence").ne(presence));
        Update update = changed().set("presence", presence).set("presenceSince", now);
        if (presence != AgentPresence.AVAILABLE) {
            Agent changedTo = modify(changing, update);
            return changedTo != null ? Optional.of(changedTo) : find(agentId);
        }
        Agent became = modify(changing, update.set("idleSince", now));
        if (became == null) {
            return find(agentId);
        }
        events.publishEvent(new AgentBecameAvailable(agentId));
        // read again: routing has just offered the agent what was waiting
        return find(agentId);
    }

    /**
     * Applies a supervisor's change to the agent's profile. It is conditional on the profile as read, and tried
     * again when another change came first; a new capacity moves the free slots by as much, so that the requests
     * in hand stay where they are (the free slots may drop below zero until enough are let go).
     *
     * @return the agent as changed, or empty when there is no such agent
     */
    Optional<Agent> changeProfile(String agentId, UnaryOperator<Agent> change) {
        for (int attempt = 0; attempt < 5; attempt++) {
            Agent before = mongo.findById(agentId, Agent.class);
            if (before == null) {
                return Optional.empty();
            }
            Agent after = change.apply(before);
            Query unchanged = Query.query(Criteria.where("_id").is(agentId).and("revision").is(before.revision()));
            Update update = changed().inc("revision", 1).set("skills", after.skills()).set("tier", after.tier())
                    .set("team", after.team()).set("active", after.active()).set("capacity", after.capacity())
                    .inc(FREE_SLOTS, after.capacity() - before.capacity());
            Agent changed = modify(unchanged, update);
            if (changed != null) {
                if (changed.takesOffers() && !before.takesOffers()) {
                    events.publishEvent(new AgentBecameAvailable(agentId));
                }
                return Optional.of(changed);
            }
        }
        throw new StateConflictException("Agent " + agentId + " was changed by others 5 times in a row while this "
                + "change was applied; try again");
    }

    /**
     * Learns what other instances changed: the agents changed since the last look (with a margin for clocks that
     * differ), and every agent once a minute.
     */
    public void sync() {
        Instant now = clock.instant();
        Instant since;
        synchronized (this) {
            since = fullySyncedAt == null || !now.isBefore(fullySyncedAt.plus(FULL_SYNC)) ? null
                    : syncedAt.minus(CLOCK_SKEW);
        }
        Query changed = since == null ? new Query() : Query.query(Criteria.where(CHANGED_AT).gte(since));
        List<Agent> read = mongo.find(changed, Agent.class);
        synchronized (this) {
            read.forEach(this::rememberLocked);
            syncedAt = now;
            if (since == null) {
                fullySyncedAt = now;
            }
        }
    }

    private void syncIfNeverDone() {
        if (syncedAt == null) {
            // under the lock: the first caller reads every agent, the others wait for it
            List<Agent> read = mongo.findAll(Agent.class);
            read.forEach(this::rememberLocked);
            syncedAt = clock.instant();
            fullySyncedAt = syncedAt;
        }
    }

    /**
     * Takes in an agent's state that was learned without this class: read by another component, or made up by a
     * benchmark of the decisions.
     */
    public void learn(Agent agent) {
        remember(agent);
    }

    // every change counts itself, so that states read at different times can be put in order (see Agent#changes)
    private Update changed() {
        return new Update().set(CHANGED_AT, clock.instant()).inc(CHANGES, 1);
    }

    private Agent modify(Query query, Update update) {
        return remember(mongo.findAndModify(query, update, FindAndModifyOptions.options().returnNew(true),
                Agent.class));
    }

    private synchronized Agent remember(Agent agent) {
        if (agent != null) {
            rememberLocked(agent);
        }
        return agent;
    }

    // guarded by this; an older state than the one known is ignored: one with fewer changes, whatever its changedAt
    private void rememberLocked(Agent agent) {
        Agent before = known.get(agent.id());
        if (before != null && agent.changes() < before.changes()) {
            return;
        }
        known.put(agent.id(), agent);
        if (before != null) {
            free.remove(before.id());
            before.skills().forEach(skill -> {
                Map<String, Agent> withSkill = freeBySkill.get(skill.name());
                if (withSkill != null) {
                    withSkill.remove(before.id());
                }
            });
        }
        if (agent.takesOffers()) {
            free.put(agent.id(), agent);
            agent.skills().forEach(skill -> freeBySkill.computeIfAbsent(skill.name(), name -> new LinkedHashMap<>())
                    .put(agent.id(), agent));
        }
    }

}
