package dev.tandem.contracts.routing;

import dev.tandem.contracts.EventMetadata;

/**
 * A request joined the queue of the skill it needs and waits for a suitable agent.
 *
 * @param queue    the required skill, which names the queue
 * @param language the language the owner must speak
 */
public record RequestQueued(EventMetadata metadata, String queue, String language) implements RoutingEvent {
}
