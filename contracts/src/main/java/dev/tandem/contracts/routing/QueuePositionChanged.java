package dev.tandem.contracts.routing;

import dev.tandem.contracts.EventMetadata;
import java.time.Duration;

/**
 * A waiting request's place in its queue, or the estimate of its wait, changed enough to tell its customer:
 * a request ahead of it was accepted, a more urgent one arrived, agents came or went. Routing coalesces
 * changes: a request gets at most one of these per update interval (30 seconds unless configured otherwise),
 * which then stands for every change since the last, and none while nothing changes. None follows the
 * request's {@link RequestAssigned}; a consumer that reads one after it (a redelivery, say) ignores it.
 *
 * @param queue         the required skill, which names the queue
 * @param language      the language the owner must speak
 * @param position      its place among the requests waiting for the same skill and language, in the order
 *                      routing serves them; 1 is served next
 * @param estimatedWait how long it will likely wait from now until an agent accepts it, as an ISO 8601
 *                      duration in whole minutes; null when routing has no estimate to give: no request of
 *                      the queue has been accepted lately, or no agent who could take it is available
 */
public record QueuePositionChanged(EventMetadata metadata, String queue, String language, int position,
                                   Duration estimatedWait) implements RoutingEvent {
}
