package dev.tandem.contracts.routing;

import dev.tandem.contracts.EventMetadata;
import java.time.Instant;

/**
 * The owner went offline or away with the request in hand and did not come back within the grace period: the
 * request goes back to its queue, ahead of those that came after it, with a handoff packet for whoever takes it
 * on next ({@link RequestTransferred} with kind {@code OWNER_GONE}).
 *
 * @param agentId   the owner who left
 * @param agentName their display name
 * @param leftAt    when they went offline or away: the request has had no one working on it since
 */
public record RequestReleased(EventMetadata metadata, String agentId, String agentName, Instant leftAt)
        implements RoutingEvent {
}
