package dev.tandem.contracts.routing;

import dev.tandem.contracts.EventMetadata;
import java.time.Instant;

/**
 * An owner asked for their request to be handed over, and routing offered it, with its handoff packet, to the agent
 * who is to take it on. The owner stays the owner until that agent accepts ({@link RequestTransferred}); if they
 * decline or let the offer expire, the owner keeps it ({@link TransferDeclined}).
 *
 * @param kind        a transfer to a named colleague, or an escalation to a tier or team
 * @param ownerId     the owner asking for the handoff, who keeps the request meanwhile
 * @param agentId     the agent it is offered to
 * @param agentTier   that agent's tier: 1 first line, 2 specialist, 3 senior
 * @param expiresAt   when the offer lapses unanswered
 */
public record HandoffOffered(EventMetadata metadata, HandoffKind kind, String ownerId, String agentId, int agentTier,
                             Instant expiresAt) implements RoutingEvent {
}
