package dev.tandem.contracts.routing;

import dev.tandem.contracts.EventMetadata;

/**
 * The owner resolved a request.
 *
 * @param summary what was done, written for the customer
 */
public record RequestResolved(EventMetadata metadata, String agentId, String agentName, String summary)
        implements RoutingEvent {
}
