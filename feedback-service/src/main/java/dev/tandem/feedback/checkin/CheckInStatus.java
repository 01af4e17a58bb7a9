package dev.tandem.feedback.checkin;

/** Where a check-in stands. Expiry is not a status: a check-in is expired once its {@code expiresAt} has passed. */
enum CheckInStatus {
    /** Sent to the customer; waiting for their answer. */
    ISSUED,
    /** The customer answered; it takes no other answer. */
    ANSWERED
}
