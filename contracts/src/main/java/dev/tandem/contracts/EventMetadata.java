package dev.tandem.contracts;

import java.time.Instant;
import java.util.Objects;

/**
 * What every event carries besides its own facts.
 *
 * @param eventId       unique per event; consumers use it to ignore redeliveries
 * @param schemaVersion version of the event type's schema, starting at 1
 * @param occurredAt    when the fact happened
 * @param requestId     the support request the event is about; also the Kafka record key
 * @param correlationId ties the event to the API call that started the chain
 */
public record EventMetadata(String eventId, int schemaVersion, Instant occurredAt, String requestId,
                            String correlationId) {

    public EventMetadata {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(requestId, "requestId");
        if (schemaVersion < 1) {
            throw new IllegalArgumentException("schemaVersion must be 1 or more");
        }
    }

    /** Metadata for a new schema-version-1 event with a random id. */
    public static EventMetadata of(String requestId, String correlationId, Instant occurredAt) {
        return new EventMetadata(RandomIds.uuid(), 1, occurredAt, requestId, correlationId);
    }

    /** The same metadata for an event type whose schema has reached a later version. */
    public EventMetadata withSchemaVersion(int version) {
        return new EventMetadata(eventId, version, occurredAt, requestId, correlationId);
    }
}
