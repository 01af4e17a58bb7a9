package dev.tandem.intake.request;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.contracts.Channel;
import dev.tandem.contracts.intake.Urgency;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import org.hibernate.validator.HibernateValidator;
import java.time.LocalTime;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Each rule of a submission, one refusal at a time: each case fails if its rule stops refusing. */
class SubmitRequestTest {

    private static final ValidatorFactory VALIDATION = Validation.byProvider(HibernateValidator.class).configure()
            .defaultLocale(Locale.ENGLISH).buildValidatorFactory();
    private static final Validator VALIDATOR = VALIDATION.getValidator();

    private static final SubmitRequest VALID = new SubmitRequest(
            new SubmitRequest.CustomerDetails("Ada Lovelace", "ada@example.com", "+447700900123"), "pt-BR",
            Channel.SMS, "billing", "Charged twice", "My statement shows two charges.", Urgency.HIGH,
            new SubmitRequest.QuietHoursDetails(LocalTime.of(21, 0), LocalTime.of(8, 0), "America/Sao_Paulo"),
            "Hard of hearing: please write rather than call.");

    @AfterAll
    static void close() {
        VALIDATION.close();
    }

    @Test
    void aCompleteSubmissionIsValid() {
        assertThat(VALIDATOR.validate(VALID)).isEmpty();
    }

    @Test
    void theOptionalDetailsMayBeLeftOut() {
        SubmitRequest minimal = new SubmitRequest(
                new SubmitRequest.CustomerDetails("Ada", "ada@example.com", null), "en", Channel.EMAIL, "billing",
                "Charged twice", "Words.", null, null, null);

        assertThat(VALIDATOR.validate(minimal)).isEmpty();
    }

    static Stream<Arguments> refusals() {
        return Stream.of(
                refusal("a name over 200 characters", "customer.name", "size must be between 0 and 200",
                        r -> with(r, customer("x".repeat(201), r.customer().email(), r.customer().phone()))),
                refusal("an email that is not one", "customer.email", "must be a well-formed email address",
                        r -> with(r, customer(r.customer().name(), "ada.example.com", r.customer().phone()))),
                refusal("an email over 254 characters", "customer.email", "size must be between 0 and 254",
                        r -> with(r, customer(r.customer().name(), "ada@" + ("d".repeat(62) + ".").repeat(4) + "com",
                                r.customer().phone()))),
                refusal("a phone number without its country code", "customer.phone",
                        "must be an E.164 number such as +447700900123",
                        r -> with(r, customer(r.customer().name(), r.customer().email(), "07700900123"))),
                refusal("a phone number too long for E.164", "customer.phone",
                        "must be an E.164 number such as +447700900123",
                        r -> with(r, customer(r.customer().name(), r.customer().email(), "+4477009001234567"))),
                refusal("SMS without a phone number", "customer.phone", "is required when the preferred channel is SMS",
                        r -> with(r, customer(r.customer().name(), r.customer().email(), null))),
                refusal("a language that is not a tag", "language", "must be a language tag such as en or pt-BR",
                        r -> new SubmitRequest(r.customer(), "english", r.preferredChannel(), r.category(),
                                r.subject(), r.description(), r.urgency(), r.quietHours(), r.accessibilityNotes())),
                refusal("a category over 40 characters", "category",
                        "must be lower-case letters, digits and dashes, at most 40",
                        r -> new SubmitRequest(r.customer(), r.language(), r.preferredChannel(), "b".repeat(41),
                                r.subject(), r.description(), r.urgency(), r.quietHours(), r.accessibilityNotes())),
                refusal("a subject over 200 characters", "subject", "size must be between 0 and 200",
                        r -> subject(r, "s".repeat(201))),
                refusal("a subject with a line feed", "subject", "must be one line: no CR or LF",
                        r -> subject(r, "Charged twice\nBcc: everyone@example.com")),
                refusal("a subject with a carriage return", "subject", "must be one line: no CR or LF",
                        r -> subject(r, "Charged twice\rAgain")),
                refusal("a description over 10,000 characters", "description", "size must be between 0 and 10000",
                        r -> new SubmitRequest(r.customer(), r.language(), r.preferredChannel(), r.category(),
                                r.subject(), "d".repeat(10_001), r.urgency(), r.quietHours(), r.accessibilityNotes())),
                refusal("accessibility notes over 2,000 characters", "accessibilityNotes",
                        "size must be between 0 and 2000",
                        r -> new SubmitRequest(r.customer(), r.language(), r.preferredChannel(), r.category(),
                                r.subject(), r.description(), r.urgency(), r.quietHours(), "n".repeat(2_001))),
                refusal("quiet hours that end when they begin", "quietHours.to", "must differ from quietHours.from",
                        r -> quiet(r, LocalTime.of(21, 0), LocalTime.of(21, 0), "Europe/Berlin")),
                refusal("quiet hours without an end", "quietHours.to", "must not be null",
                        r -> quiet(r, LocalTime.of(21, 0), null, "Europe/Berlin")),
                refusal("quiet hours in a zone that does not exist", "quietHours.timeZone",
                        "must be an IANA time zone such as Europe/Berlin",
                        r -> quiet(r, LocalTime.of(21, 0), LocalTime.of(8, 0), "Europe/Atlantis")),
                refusal("quiet hours in an offset, not a zone", "quietHours.timeZone",
                        "must be an IANA time zone such as Europe/Berlin",
                        r -> quiet(r, LocalTime.of(21, 0), LocalTime.of(8, 0), "+01:00")),
                refusal("quiet hours without a zone", "quietHours.timeZone", "must not be null",
                        r -> quiet(r, LocalTime.of(21, 0), LocalTime.of(8, 0), null)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusals")
    void refuses(String what, String field, String reason, UnaryOperator<SubmitRequest> change) {
        Map<String, String> errors = VALIDATOR.validate(change.apply(VALID)).stream()
                .collect(Collectors.toMap(violation -> violation.getPropertyPath().toString(),
                        ConstraintViolation::getMessage));

        assertThat(errors).containsExactly(Map.entry(field, reason));
    }

    private static Arguments refusal(String what, String field, String reason, UnaryOperator<SubmitRequest> change) {
        return Arguments.of(what, field, reason, change);
    }

    private static SubmitRequest.CustomerDetails customer(String name, String email, String phone) {
        return new SubmitRequest.CustomerDetails(name, email, phone);
    }

    private static SubmitRequest with(SubmitRequest r, SubmitRequest.CustomerDetails customer) {
        return new SubmitRequest(customer, r.language(), r.preferredChannel(), r.category(), r.subject(),
                r.description(), r.urgency(), r.quietHours(), r.accessibilityNotes());
    }

    private static SubmitRequest subject(SubmitRequest r, String subject) {
        return new SubmitRequest(r.customer(), r.language(), r.preferredChannel(), r.category(), subject,
                r.description(), r.urgency(), r.quietHours(), r.accessibilityNotes());
    }

    private static SubmitRequest quiet(SubmitRequest r, LocalTime from, LocalTime to, String zone) {
        return new SubmitRequest(r.customer(), r.language(), r.preferredChannel(), r.category(), r.subject(),
                r.description(), r.urgency(), new SubmitRequest.QuietHoursDetails(from, to, zone),
                r.accessibilityNotes());
    }
}
