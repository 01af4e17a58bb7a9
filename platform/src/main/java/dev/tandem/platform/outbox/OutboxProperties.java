package dev.tandem.platform.outbox;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the outbox relay.
 *
 * @param enabled       whether this instance relays at all
 * @param sweepInterval pause between two sweeps, which look through every outbox collection for pending events
 *                      that no write of this instance announced (written by another instance, or before a crash
 *                      or restart); what this instance writes itself is relayed at once, without waiting for one
 * @param lease         how long one instance may hold the relay before another can take over
 * @param batchSize     documents relayed per run: announced documents per run, and documents per collection per
 *                      sweep
 * @param publishers    how many sends to the broker may wait for their acknowledgement at once; the events of one
 *                      request are still sent one after the other
 * @param hintCapacity  how many announced writes may wait for the relay; beyond that they are dropped, and the
 *                      next sweep (which then comes at once) finds their events
 */
@ConfigurationProperties("tandem.outbox")
public record OutboxProperties(@DefaultValue("true") boolean enabled,
                               @DefaultValue("1s") Duration sweepInterval,
                               @DefaultValue("10s") Duration lease,
                               @DefaultValue("100") int batchSize,
                               @DefaultValue("16") int publishers,
                               @DefaultValue("10000") int hintCapacity) {
}
