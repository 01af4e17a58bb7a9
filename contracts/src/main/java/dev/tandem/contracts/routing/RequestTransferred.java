package dev.tandem.contracts.routing;

import dev.tandem.contracts.EventMetadata;

/**
 * A new owner accepted a request handed over to them with its handoff packet: they know what the customer told
 * us, so the customer need not repeat themselves. It replaces {@link RequestAssigned} for a request that had an
 * owner before.
 *
 * @param kind              how it came to them
 * @param previousAgentId   who owned it before
 * @param previousAgentName their display name
 * @param agentId           the new owner
 * @param agentName         the new owner's display name, as the customer may see it
 * @param agentTier         the new owner's tier: 1 first line, 2 specialist, 3 senior; front ends word it
 * @param reason            why this agent was chosen, in words an operator can read
 */
public record RequestTransferred(EventMetadata metadata, HandoffKind kind, String previousAgentId,
                                 String previousAgentName, String agentId, String agentName, int agentTier,
                                 String reason) implements RoutingEvent {
}
