package dev.tandem.intake.request;

import com.fasterxml.jackson.annotation.JsonFormat;
import dev.tandem.contracts.Channel;
import dev.tandem.contracts.intake.Customer;
import dev.tandem.contracts.intake.QuietHours;
import dev.tandem.contracts.intake.Urgency;
import dev.tandem.platform.web.ServerOwnedFields;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalTime;
import java.time.ZoneId;

/**
 * What a front end sends to open a support request. Every text is bounded; the fields the server sets, such as
 * {@code status}, are refused rather than ignored.
 *
 * @param language           BCP 47 language tag such as {@code en} or {@code pt-BR}
 * @param category           what the request is about, such as {@code billing}; routing needs the matching skill
 * @param subject            one line: no line breaks, since it becomes the subject of messages to the customer
 * @param description        the customer's own words; kept verbatim, spaces, line breaks and all
 * @param urgency            {@code NORMAL} when not given
 * @param quietHours         when the customer does not want to be contacted; optional
 * @param accessibilityNotes what the customer asks us to bear in mind, such as "hard of hearing: please write";
 *                           optional, kept verbatim
 */
@ReachableOnPreferredChannel
@ServerOwnedFields({"id", "reference", "status", "owner", "ownerId", "customerId", "submittedAt", "updatedAt",
        "timeline"})
record SubmitRequest(
        @NotNull @Valid CustomerDetails customer,
        @NotBlank @Pattern(regexp = "[a-z]{2,3}(-[A-Za-z]{2,4})?", message = "must be a language tag such as en or pt-BR")
        String language,
        @NotNull Channel preferredChannel,
        @NotBlank @Pattern(regexp = "[a-z0-9][a-z0-9-]{0,39}",
                message = "must be lower-case letters, digits and dashes, at most 40") String category,
        @NotBlank @Size(max = 200)
        @Pattern(regexp = "[^\\r\\n\\u0085\\u2028\\u2029]*", message = "must be one line: no CR or LF")
        String subject,
        @NotBlank @Size(max = 10_000) String description,
        Urgency urgency,
        @Valid QuietHoursDetails quietHours,
        @Size(max = 2_000) String accessibilityNotes) {

    /** What the aggregate keeps of it: the urgency defaulted, the quiet hours in their zone. */
    Submission toSubmission() {
        return new Submission(new Customer(customer.name(), customer.email(), customer.phone()), language,
                preferredChannel, category, subject, description, urgency == null ? Urgency.NORMAL : urgency,
                quietHours == null ? null : quietHours.toQuietHours(), accessibilityNotes);
    }

    /**
     * Who is asking.
     *
     * @param phone E.164, such as {@code +447700900123}; required when the preferred channel is SMS
     */
    record CustomerDetails(
            @NotBlank @Size(max = 200) String name,
            @NotBlank @Email @Size(max = 254) String email,
            @Pattern(regexp = "\\+[1-9][0-9]{6,14}", message = "must be an E.164 number such as +447700900123")
            String phone) {
    }

    /**
     * When not to contact the customer: from {@code 21:00} to {@code 08:00} is the night, in the customer's time
     * zone.
     *
     * @param timeZone an IANA time zone such as {@code Europe/Berlin}
     */
    @QuietHoursSpan
    record QuietHoursDetails(
            @NotNull @JsonFormat(pattern = "HH:mm") LocalTime from,
            @NotNull @JsonFormat(pattern = "HH:mm") LocalTime to,
            @NotNull @IanaTimeZone String timeZone) {

        QuietHours toQuietHours() {
            return new QuietHours(from, to, ZoneId.of(timeZone));
        }
    }
}
