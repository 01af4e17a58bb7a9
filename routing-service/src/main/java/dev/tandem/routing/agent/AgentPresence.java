package dev.tandem.routing.agent;

/** Whether an agent takes new offers. Only {@link #AVAILABLE} agents are offered requests. */
public enum AgentPresence {
    AVAILABLE, BUSY, AWAY, OFFLINE
}
