package dev.tandem.contracts.routing;

import dev.tandem.contracts.EventMetadata;
import java.time.Instant;

/**
 * A request was offered to an agent, whose capacity is reserved for it until they accept or decline,
 * or the offer expires.
 */
public record RequestOffered(EventMetadata metadata, String agentId, Instant expiresAt) implements RoutingEvent {
}
