package dev.tandem.intake.request;

import dev.tandem.contracts.Channel;
import dev.tandem.contracts.intake.Customer;
import dev.tandem.contracts.intake.QuietHours;
import dev.tandem.contracts.intake.Urgency;
import java.time.ZoneId;

/**
 * What the customer told us when they submitted their request, kept exactly as they sent it.
 *
 * @param language           BCP 47 language tag such as {@code en} or {@code de-AT}; their timeline reads in it
 * @param urgency            {@code NORMAL} when they gave none
 * @param quietHours         when they do not want to be contacted, or null
 * @param accessibilityNotes what they asked us to bear in mind, or null
 */
record Submission(Customer customer, String language, Channel preferredChannel, String category, String subject,
                  String description, Urgency urgency, QuietHours quietHours, String accessibilityNotes) {

    private static final ZoneId UTC = ZoneId.of("UTC");

    /** The customer's time zone: the one their quiet hours name, otherwise UTC. */
    ZoneId timeZone() {
        return quietHours != null && quietHours.timeZone() != null ? quietHours.timeZone() : UTC;
    }
}
