package dev.tandem.routing.agent;

import dev.tandem.contracts.intake.Urgency;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Agents as the store would hold them, for unit tests: available, tier 1, one slot, unless told otherwise. */
public final class AgentFixture {

    private final String id;
    private final List<Skill> skills = new ArrayList<>();
    private List<String> languages = List.of("en");
    private int tier = 1;
    private String team = Agent.DEFAULT_TEAM;
    private int capacity = 1;
    private boolean active = true;
    private AgentPresence presence = AgentPresence.AVAILABLE;
    private final List<ActiveRequest> holding = new ArrayList<>();
    private Instant idleSince = Instant.parse("2026-11-02T08:00:00Z");
    private Instant hardCaseEndedAt;
    private Instant changedAt;
    private long changes;

    private AgentFixture(String id) {
        this.id = id;
    }

    public static AgentFixture agent(String id) {
        return new AgentFixture(id);
    }

    public AgentFixture skill(String name, int proficiency) {
        skills.add(new Skill(name, proficiency));
        return this;
    }

    public AgentFixture languages(String... tags) {
        languages = List.of(tags);
        return this;
    }

    public AgentFixture tier(int tier) {
        this.tier = tier;
        return this;
    }

    public AgentFixture team(String team) {
        this.team = team;
        return this;
    }

    public AgentFixture capacity(int capacity) {
        this.capacity = capacity;
        return this;
    }

    public AgentFixture inactive() {
        this.active = false;
        return this;
    }

    public AgentFixture presence(AgentPresence presence) {
        this.presence = presence;
        return this;
    }

    public AgentFixture idleSince(Instant idleSince) {
        this.idleSince = idleSince;
        return this;
    }

    public AgentFixture holding(String requestId, Urgency urgency) {
        holding.add(new ActiveRequest(requestId, idleSince, urgency));
        return this;
    }

    public AgentFixture hardCaseEndedAt(Instant at) {
        this.hardCaseEndedAt = at;
        return this;
    }

    /** As the store has the agent after its {@code changes}-th change, stamped {@code at}. */
    public AgentFixture changed(Instant at, long changes) {
        this.changedAt = at;
        this.changes = changes;
        return this;
    }

    public Agent build() {
        return new Agent(id, "Agent " + id, skills, languages, tier, team, capacity, active, presence, idleSince,
                holding, capacity - holding.size(), idleSince, hardCaseEndedAt, 0,
                changedAt != null ? changedAt : idleSince, changes);
    }
}
