package dev.tandem.contracts.routing;

import dev.tandem.contracts.EventMetadata;
import java.time.Instant;

/**
 * The owner promised the customer their next update by a time: the status page shows it until the request is
 * resolved or withdrawn, or a newer promise replaces it.
 *
 * @param agentName    the owner's display name, as the customer may see it
 * @param nextUpdateBy when the customer will hear from the owner at the latest
 * @param note         what the owner is waiting for or working on, written for the customer; null when they gave
 *                     none
 */
public record NextUpdatePromised(EventMetadata metadata, String agentId, String agentName, Instant nextUpdateBy,
                                 String note) implements RoutingEvent {
}
