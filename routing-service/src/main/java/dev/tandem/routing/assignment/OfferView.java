package dev.tandem.routing.assignment;

import dev.tandem.contracts.intake.Urgency;
import java.time.Instant;

/** An offer as the agent's desktop lists it: enough to decide whether to take it on. */
record OfferView(String requestId, String reference, String subject, String queue, String language,
                 Urgency urgency, Instant offeredAt, Instant expiresAt) {

    static OfferView of(RoutedRequest request) {
        return new OfferView(request.id(), request.reference(), request.subject(), request.queue(),
                request.language(), request.urgency(), request.offeredAt(), request.offerExpiresAt());
    }
}
