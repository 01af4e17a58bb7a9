package dev.tandem.contracts.intake;

import dev.tandem.contracts.EventMetadata;

/**
 * The customer no longer needs help with the request; whoever holds it or queues it lets it go.
 *
 * @param reason the customer's reason, verbatim, or null when they gave none
 */
public record RequestWithdrawn(EventMetadata metadata, String reason) implements IntakeEvent {
}
