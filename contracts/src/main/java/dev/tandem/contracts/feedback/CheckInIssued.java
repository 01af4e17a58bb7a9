package dev.tandem.contracts.feedback;

import dev.tandem.contracts.EventMetadata;
import java.time.Instant;

/**
 * A check-in was issued after a resolution; notification-service sends the link to the customer.
 *
 * @param link a signed, single-use link to the check-in; it grants answering this one check-in only
 */
public record CheckInIssued(EventMetadata metadata, String checkInId, String link, Instant expiresAt)
        implements FeedbackEvent {
}
