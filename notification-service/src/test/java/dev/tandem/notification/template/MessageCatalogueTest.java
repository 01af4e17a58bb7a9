package dev.tandem.notification.template;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.contracts.notification.MessageKind;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class MessageCatalogueTest {

    private static final String LINK = "https://feedback.tandem.local/check-ins/c-42?token=eyJhbGciOiJIUzI1NiJ9.c-42.sig";

    private final MessageCatalogue catalogue = new MessageCatalogue();

    @Test
    void anAcknowledgementGreetsTheCustomerAndGivesTheReferenceAndWhatHappensNext() {
        CustomerMessage message = catalogue.compose(MessageKind.ACKNOWLEDGEMENT, "en",
                new MessageFacts("Ada Lovelace", "TDM-7KQ2M9", null));

        assertThat(message.subject()).isEqualTo("[TDM-7KQ2M9] We have received your request");
        assertThat(message.body()).startsWith("Hello Ada Lovelace,\n\n")
                .contains("given it the reference TDM-7KQ2M9.")
                .contains("What happens next:")
                .endsWith("Kind regards,\nTandem Support");
        assertThat(message.sms()).startsWith("Hello Ada Lovelace, we have received your request TDM-7KQ2M9.");
    }

    @Test
    void theOwnerIsNamedInSubjectBodyAndSms() {
        CustomerMessage message = catalogue.compose(MessageKind.OWNER_ASSIGNED, "en",
                new MessageFacts("Ada", "TDM-7KQ2M9", "Grace Hopper"));

        assertThat(message.subject()).isEqualTo("[TDM-7KQ2M9] Grace Hopper is now looking after your request");
        assertThat(message.body()).contains("Grace Hopper has taken on your request TDM-7KQ2M9");
        assertThat(message.sms()).contains("Grace Hopper is now looking after your request TDM-7KQ2M9");
    }

    @Test
    void aResolutionCarriesTheSummaryAsASentence() {
        CustomerMessage message = catalogue.compose(MessageKind.RESOLVED, "en",
                new MessageFacts("Ada", "TDM-7KQ2M9", "We refunded the second charge"));

        assertThat(message.subject()).isEqualTo("[TDM-7KQ2M9] Your request has been resolved");
        assertThat(message.body()).contains("What we did:\nWe refunded the second charge.\n");
        assertThat(message.sms()).contains("has been resolved. We refunded the second charge. If anything");
    }

    @Test
    void aCheckInCarriesTheWholeLink() {
        CustomerMessage message = catalogue.compose(MessageKind.CHECK_IN, "en",
                new MessageFacts("Ada", "TDM-7KQ2M9", LINK));

        assertThat(message.subject()).isEqualTo("[TDM-7KQ2M9] How did we do?");
        assertThat(message.body()).contains("\n\n" + LINK + "\n\n");
        assertThat(message.sms()).endsWith(LINK);
    }

    @ParameterizedTest
    @ValueSource(strings = {"de", "de-DE", "de-AT", "DE-ch"})
    void customersWhoseLanguageStartsWithDeReadGerman(String language) {
        CustomerMessage message = catalogue.compose(MessageKind.ACKNOWLEDGEMENT, language,
                new MessageFacts("Jürgen Müller", "TDM-7KQ2M9", null));

        assertThat(message.subject()).isEqualTo("[TDM-7KQ2M9] Wir haben Ihre Anfrage erhalten");
        assertThat(message.body()).startsWith("Guten Tag Jürgen Müller,").contains("Wie es weitergeht:")
                .endsWith("Freundliche Grüße\nIhr Tandem-Support");
        assertThat(message.sms()).contains("Ihre Anfrage TDM-7KQ2M9 erhalten");
    }

    @Test
    void germanMessagesNameTheOwnerAndTheResolution() {
        assertThat(catalogue.compose(MessageKind.OWNER_ASSIGNED, "de", new MessageFacts("Jürgen", "TDM-7KQ2M9",
                "Grace")).subject()).isEqualTo("[TDM-7KQ2M9] Grace kümmert sich jetzt um Ihre Anfrage");
        assertThat(catalogue.compose(MessageKind.RESOLVED, "de", new MessageFacts("Jürgen", "TDM-7KQ2M9",
                "Wir haben die doppelte Abbuchung erstattet.")).body())
                .contains("Das haben wir getan:\nWir haben die doppelte Abbuchung erstattet.");
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "en-GB", "fr", "pt-BR"})
    void everyOtherLanguageReadsEnglish(String language) {
        assertThat(catalogue.compose(MessageKind.CHECK_IN, language, new MessageFacts("Ada", "TDM-7KQ2M9", LINK))
                .subject()).isEqualTo("[TDM-7KQ2M9] How did we do?");
    }

    @ParameterizedTest
    @EnumSource(MessageKind.class)
    void noMessageLeavesAPlaceholderOrAQuoteBehind(MessageKind kind) {
        for (String language : new String[] {"en", "de"}) {
            CustomerMessage message = catalogue.compose(kind, language, new MessageFacts("Ada", "TDM-7KQ2M9",
                    detailFor(kind, "Grace")));

            assertThat(message.subject() + message.body() + message.sms())
                    .doesNotContain("{").doesNotContain("}").doesNotContain("'").contains("TDM-7KQ2M9");
        }
    }

    @ParameterizedTest
    @MethodSource("kindsAndLanguages")
    void everySmsFitsIn320CharactersEvenWithVeryLongNamesAndSummaries(MessageKind kind, String language) {
        String longName = "Maximilian Alexander Friedrich von und zu Hohenzollern-Sigmaringen ".repeat(3).strip();
        String detail = kind == MessageKind.CHECK_IN ? LINK : "We checked every invoice line by line. ".repeat(12);

        CustomerMessage message = catalogue.compose(kind, language, new MessageFacts(longName, "TDM-7KQ2M9", detail));

        assertThat(message.sms()).hasSizeLessThanOrEqualTo(MessageCatalogue.SMS_LIMIT).contains("TDM-7KQ2M9");
        if (kind != MessageKind.ACKNOWLEDGEMENT) {
            assertThat(message.body()).as("email is not shortened").contains(detail.strip());
        }
        if (kind == MessageKind.CHECK_IN) {
            assertThat(message.sms()).endsWith(LINK);
        }
    }

    @Test
    void aLongSummaryIsShortenedInTheSmsOnly() {
        String summary = "We refunded the second charge and " + "checked the rest of the year, ".repeat(15) + "done.";

        CustomerMessage message = catalogue.compose(MessageKind.RESOLVED, "en",
                new MessageFacts("Ada", "TDM-7KQ2M9", summary));

        assertThat(message.sms()).hasSizeLessThanOrEqualTo(MessageCatalogue.SMS_LIMIT)
                .startsWith("Hello Ada, your request TDM-7KQ2M9 has been resolved. We refunded the second charge")
                .contains("…").endsWith("contact us and mention TDM-7KQ2M9.");
        assertThat(message.body()).contains(summary);
    }

    static Stream<Arguments> kindsAndLanguages() {
        return Stream.of(MessageKind.values())
                .flatMap(kind -> Stream.of(Arguments.of(kind, "en"), Arguments.of(kind, "de")));
    }

    private static String detailFor(MessageKind kind, String owner) {
        return switch (kind) {
            case ACKNOWLEDGEMENT -> null;
            case OWNER_ASSIGNED -> owner;
            case RESOLVED -> "Refunded.";
            case CHECK_IN -> LINK;
        };
    }
}
