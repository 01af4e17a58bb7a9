package dev.tandem.notification.delivery;

/** Where sending a message stands. */
enum NotificationStatus {
    /** Recorded, and being sent (or a crash interrupted sending it). */
    PENDING,
    /** A provider took it. */
    SENT,
    /** No channel took it after retries; final. */
    FAILED
}
