package dev.tandem.contracts.routing;

import dev.tandem.contracts.EventMetadata;

/**
 * An agent declined an offer, or let it expire; the request goes back to its queue.
 *
 * @param reason {@code DECLINED} or {@code EXPIRED}
 */
public record OfferDeclined(EventMetadata metadata, String agentId, String reason) implements RoutingEvent {
}
