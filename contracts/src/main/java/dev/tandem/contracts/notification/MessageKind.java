package dev.tandem.contracts.notification;

/** Which moment of a request's life a message to the customer is about. */
public enum MessageKind {
    ACKNOWLEDGEMENT, OWNER_ASSIGNED, RESOLVED, CHECK_IN
}
