package dev.tandem.intake.request;

import dev.tandem.contracts.Channel;
import dev.tandem.contracts.intake.Urgency;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * What a front end sends to open a support request.
 *
 * @param language    BCP 47 language tag such as {@code en} or {@code pt-BR}
 * @param category    what the request is about, such as {@code billing}; routing needs the matching skill
 * @param description the customer's own words; kept verbatim
 * @param urgency     {@code NORMAL} when not given
 */
@ReachableOnPreferredChannel
record SubmitRequest(
        @NotNull @Valid CustomerDetails customer,
        @NotBlank @Pattern(regexp = "[a-z]{2,3}(-[A-Za-z]{2,4})?", message = "must be a language tag such as en or pt-BR")
        String language,
        @NotNull Channel preferredChannel,
        @NotBlank @Pattern(regexp = "[a-z0-9][a-z0-9-]{0,39}",
                message = "must be lower-case letters, digits and dashes, at most 40") String category,
        @NotBlank @Size(max = 200) String subject,
        @NotBlank @Size(max = 10_000) String description,
        Urgency urgency) {

    Urgency urgencyOrDefault() {
        return urgency == null ? Urgency.NORMAL : urgency;
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
}
