package dev.tandem.routing.agent;

import java.util.List;

/**
 * An agent as desktops and supervisors' consoles see it.
 *
 * @param active         false once a supervisor deactivated the agent
 * @param activeRequests the ids of the requests offered to or owned by the agent
 * @param freeSlots      capacity minus the requests held; below zero after a supervisor lowered the capacity
 */
record AgentView(String id, String name, List<Skill> skills, List<String> languages, int tier, String team,
                 int capacity, boolean active, AgentPresence presence, List<String> activeRequests, int freeSlots) {

    static AgentView of(Agent agent) {
        return new AgentView(agent.id(), agent.name(), agent.skills(), agent.languages(), agent.tier(), agent.team(),
                agent.capacity(), agent.active(), agent.presence(), agent.activeRequestIds(), agent.freeSlots());
    }
}
