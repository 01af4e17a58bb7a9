package dev.tandem.contracts.intake;

import dev.tandem.contracts.EventMetadata;

/**
 * The customer reopened a resolved request, within the window intake allows; it needs routing again.
 *
 * @param reason why, in the customer's words, verbatim
 */
public record RequestReopened(EventMetadata metadata, String reason) implements IntakeEvent {
}
