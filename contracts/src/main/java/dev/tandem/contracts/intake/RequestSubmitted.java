package dev.tandem.contracts.intake;

import dev.tandem.contracts.Channel;
import dev.tandem.contracts.EventMetadata;

/**
 * A customer submitted a support request. Schema version 2 added {@code customerId}, {@code quietHours} and
 * {@code accessibilityNotes}; version 1 events have none of them.
 *
 * @param customerId         who submitted it: the subject of the customer's login; null only in version 1 events
 * @param reference          the short reference the customer is given, such as {@code TDM-7KQ2M9}
 * @param language           the customer's language as a BCP 47 tag, such as {@code en} or {@code de}
 * @param preferredChannel   where the customer wants to hear from us
 * @param category           what the request is about; routing maps it to a required skill
 * @param description        the customer's own words, verbatim: exactly as they were sent, spaces, line breaks
 *                           and all
 * @param quietHours         when the customer does not want to be contacted; null when they gave none
 * @param accessibilityNotes what the customer asks us to bear in mind, in their own words; null when they gave
 *                           none
 */
public record RequestSubmitted(EventMetadata metadata, String reference, String customerId, Customer customer,
                               String language, Channel preferredChannel, String category, String subject,
                               String description, Urgency urgency, QuietHours quietHours,
                               String accessibilityNotes) implements IntakeEvent {

    /** The schema version of the events this record writes. */
    public static final int SCHEMA_VERSION = 2;
}
