package dev.tandem.routing.assignment;

import dev.tandem.contracts.intake.Urgency;
import dev.tandem.contracts.routing.HandoffKind;
import java.time.Instant;

/**
 * An offer as the agent's desktop lists it: enough to decide whether to take it on. A request handed over by its
 * owner, or left by an owner who went away, comes with its handoff packet.
 *
 * @param handoff null for a request from the queue that nobody owned before
 */
record OfferView(String requestId, String reference, String subject, String queue, String language,
                 Urgency urgency, Instant offeredAt, Instant expiresAt, HandoffOffer handoff) {

    static OfferView of(RoutedRequest request, String agentId) {
        Handoff handoff = request.handoff();
        if (handoff != null && handoff.isOfferedTo(agentId)) {
            return new OfferView(request.id(), request.reference(), request.subject(), request.queue(),
                    request.language(), request.urgency(), handoff.offeredAt(), handoff.expiresAt(),
                    HandoffOffer.of(handoff));
        }
        return new OfferView(request.id(), request.reference(), request.subject(), request.queue(),
                request.language(), request.urgency(), request.offeredAt(), request.offerExpiresAt(),
                handoff == null ? null : HandoffOffer.of(handoff));
    }

    /**
     * What comes with a request that had an owner before.
     *
     * @param from     who owned it
     * @param fromName their display name
     * @param reason   why this agent was chosen for it, when its owner handed it over
     */
    record HandoffOffer(HandoffKind kind, String from, String fromName, String reason, HandoffPacket packet) {

        static HandoffOffer of(Handoff handoff) {
            return new HandoffOffer(handoff.kind(), handoff.fromAgentId(), handoff.fromAgentName(), handoff.reason(),
                    handoff.packet());
        }
    }
}
