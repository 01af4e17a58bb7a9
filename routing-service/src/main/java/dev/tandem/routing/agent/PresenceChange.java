package dev.tandem.routing.agent;

import jakarta.validation.constraints.NotNull;

/** What an agent's desktop sends when the agent goes available, busy, away or offline. */
record PresenceChange(@NotNull AgentPresence presence) {
}
