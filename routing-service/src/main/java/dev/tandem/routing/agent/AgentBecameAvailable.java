package dev.tandem.routing.agent;

/** An in-process signal that an agent can take offers now; routing reacts by dispatching waiting requests. */
public record AgentBecameAvailable(String agentId) {
}
