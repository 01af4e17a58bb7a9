package dev.tandem.contracts.routing;

import dev.tandem.contracts.EventMetadata;
import dev.tandem.contracts.intake.Urgency;
import java.time.Duration;
import java.time.Instant;

/**
 * A request still without an owner reached the configured share of its time-to-owner target: it moved on to the
 * step of its queue that takes the next tier, and supervisors are told. Customers are not: nothing changed for them.
 *
 * @param queue     the queue it waits in
 * @param urgency   the urgency whose target applies
 * @param target    its time-to-owner target
 * @param dueAt     when the target is breached, unless an agent accepts it first
 * @param step      the relaxation step it moved to, 1 for the first
 */
public record RequestEscalated(EventMetadata metadata, String queue, Urgency urgency, Duration target,
                               Instant dueAt, int step) implements RoutingEvent {
}
