package dev.tandem.contracts;

/**
 * A fact one service publishes for the others. Each topic has a sealed sub-interface whose
 * permitted records are the event types on that topic; the JSON {@code type} property names the record.
 */
public interface TandemEvent {

    EventMetadata metadata();

    /** The event type as it appears on the wire: the record's simple name. */
    default String type() {
        return getClass().getSimpleName();
    }

    default String eventId() {
        return metadata().eventId();
    }

    default String requestId() {
        return metadata().requestId();
    }
}
