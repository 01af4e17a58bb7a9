package dev.tandem.contracts.routing;

import dev.tandem.contracts.EventMetadata;

/**
 * An agent accepted a request and is now its one named owner.
 *
 * @param agentName the owner's display name, as the customer may see it
 * @param reason    why this agent was chosen, in words an operator can read
 */
public record RequestAssigned(EventMetadata metadata, String agentId, String agentName, String reason)
        implements RoutingEvent {
}
