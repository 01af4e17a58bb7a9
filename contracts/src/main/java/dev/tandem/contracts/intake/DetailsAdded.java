package dev.tandem.contracts.intake;

import dev.tandem.contracts.EventMetadata;

/**
 * The customer added to an open request, in their own words.
 *
 * @param text what the customer wrote, verbatim
 */
public record DetailsAdded(EventMetadata metadata, String text) implements IntakeEvent {
}
