package dev.tandem.contracts.routing;

import dev.tandem.contracts.EventMetadata;

/**
 * The agent offered a handoff declined it, or let it expire: the owner keeps the request, as if nothing had been
 * asked, and is told.
 *
 * @param ownerId the owner, who keeps it
 * @param agentId the agent who was offered it
 * @param reason  {@code DECLINED} or {@code EXPIRED}
 */
public record TransferDeclined(EventMetadata metadata, HandoffKind kind, String ownerId, String agentId,
                               String reason) implements RoutingEvent {
}
