package dev.tandem.platform.outbox;

import jakarta.validation.constraints.Min;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the outbox relay. What an instance saves or inserts with pending events, it relays at once, or
 * hands over to the instance that holds the relay's lease; a sweep finds the rest.
 *
 * @param enabled          whether this instance relays at all; an instance that does not still keeps events in
 *                         its documents' outbox for another to relay
 * @param sweepInterval    pause between two sweeps through every outbox collection for pending events that were
 *                         never announced (left by a crash, or whose announcement was dropped); a sweep also runs
 *                         whenever an instance takes the lease over, and again at once after a full batch. It
 *                         reads only the documents with pending events, so it costs what is pending, not what is
 *                         stored
 * @param handOverInterval how often the lease holder reads what other instances handed over (in the
 *                         {@code outbox_handover} collection), and how often an instance without the lease tries
 *                         to take it: the delay before another instance's events are relayed
 * @param linger           how long an announced write waits for others before the relay reads it, so that one run
 *                         reads, publishes and removes several writes' events (each run costs two store commands,
 *                         whatever its size); a full batch does not wait, and with zero no write does
 * @param lease            how long one instance holds the relay; it renews the lease once a third has passed, and
 *                         another instance takes over only after it ran out, so this is also how long relaying
 *                         pauses when the holder dies
 * @param batchSize        how many documents one run relays: of the announced ones, and of each collection in a
 *                         sweep
 * @param publishers       sends that may wait for the broker's acknowledgement at once; the events of one request
 *                         are still sent one after the other
 * @param hintCapacity     announced writes that may wait for the relay; beyond that they are dropped, and a sweep
 *                         (which then comes at once) finds their events
 */
@Validated
@ConfigurationProperties("tandem.outbox")
public record OutboxProperties(@DefaultValue("true") boolean enabled,
                               @DefaultValue("1m") @DurationMin(millis = 1) Duration sweepInterval,
                               @DefaultValue("200ms") @DurationMin(millis = 1) Duration handOverInterval,
                               @DefaultValue("5ms") @DurationMin(millis = 0) Duration linger,
                               @DefaultValue("10s") @DurationMin(millis = 1) Duration lease,
                               @DefaultValue("100") @Min(1) int batchSize,
                               @DefaultValue("16") @Min(1) int publishers,
                               @DefaultValue("10000") @Min(1) int hintCapacity) {
}
