package dev.tandem.contracts.routing;

import dev.tandem.contracts.EventMetadata;
import java.time.Duration;

/**
 * A request joined the queue of the skill it needs and waits for a suitable agent. Schema version 2 added
 * {@code position} and {@code estimatedWait}; version 1 events have neither.
 *
 * @param queue         the required skill, which names the queue
 * @param language      the language the owner must speak
 * @param position      its place among the requests waiting for the same skill and language, in the order
 *                      routing serves them; 1 is served next. Null only in version 1 events
 * @param estimatedWait how long it will likely wait until an agent accepts it, as an ISO 8601 duration in
 *                      whole minutes; null when routing has no estimate to give (see {@link QueuePositionChanged})
 */
public record RequestQueued(EventMetadata metadata, String queue, String language, Integer position,
                            Duration estimatedWait) implements RoutingEvent {

    /** The schema version of the events this record writes. */
    public static final int SCHEMA_VERSION = 2;
}
