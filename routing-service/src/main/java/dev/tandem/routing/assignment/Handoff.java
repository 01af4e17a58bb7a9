package dev.tandem.routing.assignment;

import dev.tandem.contracts.routing.HandoffKind;
import java.time.Instant;

/**
 * A handoff under way: from an owner to a colleague who has been offered it with its packet and has not answered
 * yet (the owner keeps the request until they accept), or, for a request whose owner left, to whoever accepts it
 * next from its queue.
 *
 * @param fromAgentId   the owner handing it over, or who left it
 * @param fromAgentName their display name
 * @param target        whom the owner asked for; null when the owner left
 * @param requestedAt   when it was asked for, or when the owner left
 * @param offeredTo     the colleague it is offered to; null when the owner left (the queue's offers carry it then)
 * @param offeredToTier their tier
 * @param offeredAt     when it was offered, which also names the reservation of the colleague's slot
 * @param expiresAt     when the offer lapses unanswered
 * @param reason        why that colleague, in words
 */
record Handoff(HandoffKind kind, String fromAgentId, String fromAgentName, HandoffTarget target,
               HandoffPacket packet, Instant requestedAt, String offeredTo, int offeredToTier, Instant offeredAt,
               Instant expiresAt, String reason) {

    /** The owner left, and the request waits in its queue for whoever takes it on next. */
    static Handoff ownerGone(String agentId, String agentName, HandoffPacket packet, Instant leftAt) {
        return new Handoff(HandoffKind.OWNER_GONE, agentId, agentName, null, packet, leftAt, null, 0, null, null,
                null);
    }

    boolean isOfferedTo(String agentId) {
        return offeredTo != null && offeredTo.equals(agentId);
    }
}
