package dev.tandem.contracts.feedback;

import dev.tandem.contracts.EventMetadata;

/**
 * The customer answered a check-in.
 *
 * @param csat    customer satisfaction, 1 (very unsatisfied) to 5 (very satisfied)
 * @param comment the customer's comment, or {@code null}
 */
public record FeedbackReceived(EventMetadata metadata, String checkInId, String agentId, int csat, String comment)
        implements FeedbackEvent {
}
