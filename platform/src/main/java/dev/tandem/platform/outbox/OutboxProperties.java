package dev.tandem.platform.outbox;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the outbox relay.
 *
 * @param enabled       whether this instance relays at all
 * @param sweepInterval pause between two sweeps, which look through every outbox collection for pending events
 *                      that were never announced (written before a crash, or whose announcement was dropped);
 *                      what an instance writes itself is relayed at once, or handed over to the lease holder
 * @param handOverInterval how often the lease holder reads what other instances handed over, and how often an
 *                      instance without the lease tries to take it
 * @param linger        how long an announced write waits for others before the relay reads it, so that one run
 *                      reads, publishes and removes several writes' events: each run costs two store commands
 *                      whatever its size; a full batch does not wait
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
                               @DefaultValue("1m") Duration sweepInterval,
                               @DefaultValue("200ms") Duration handOverInterval,
                               @DefaultValue("5ms") Duration linger,
                               @DefaultValue("10s") Duration lease,
                               @DefaultValue("100") int batchSize,
                               @DefaultValue("16") int publishers,
                               @DefaultValue("10000") int hintCapacity) {
}
