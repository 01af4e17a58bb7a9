package dev.tandem.routing.agent;

import java.util.List;

/**
 * An agent as desktops and supervisors' consoles see it.
 *
 * @param activeRequests the ids of the requests offered to or owned by the agent
 */
record AgentView(String id, String name, List<String> skills, List<String> languages, int capacity,
                 AgentPresence presence, List<String> activeRequests, int freeSlots) {

    static AgentView of(Agent agent) {
        return new AgentView(agent.id(), agent.name(), agent.skills(), agent.languages(), agent.capacity(),
                agent.presence(), agent.activeRequestIds(), agent.freeSlots());
    }
}
