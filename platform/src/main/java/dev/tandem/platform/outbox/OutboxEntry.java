package dev.tandem.platform.outbox;

import dev.tandem.contracts.EventCodec;
import dev.tandem.contracts.TandemEvent;
import java.time.Instant;

/**
 * An event waiting to be published, kept in the {@value #FIELD} list of the very document whose change it
 * describes. Writing the change and its events is then one single-document write: atomic without
 * transactions, so a crash can lose neither. {@link OutboxRelay} publishes and removes the entries.
 *
 * @param key     the Kafka record key: the request id, so one request's events stay in order
 * @param payload the event as it goes on the wire
 */
public record OutboxEntry(String eventId, String topic, String key, String type, String payload,
                          Instant occurredAt) {

    /** The field in which a document keeps its pending events. */
    public static final String FIELD = "outbox";

    public static OutboxEntry of(String topic, TandemEvent event) {
        return new OutboxEntry(event.eventId(), topic, event.requestId(), event.type(), EventCodec.encode(event),
                event.metadata().occurredAt());
    }
}
