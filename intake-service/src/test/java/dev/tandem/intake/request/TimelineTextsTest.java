package dev.tandem.intake.request;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.contracts.Channel;
import dev.tandem.contracts.notification.MessageKind;
import dev.tandem.intake.request.TimelineEntry.Facts;
import dev.tandem.intake.request.TimelineEntry.Kind;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class TimelineTextsTest {

    private static final Instant AT = Instant.parse("2026-11-02T09:15:30Z");
    private static final Instant BY = Instant.parse("2026-11-03T12:00:00Z");
    private static final ZoneId UTC = ZoneId.of("UTC");
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    private final TimelineTexts texts = new TimelineTexts();

    @Test
    void anEnglishCustomerReadsEveryKindOfLineInEnglish() {
        assertThat(read("en", UTC, everyKind())).containsExactly(
                "We received your request TDM-7KQ2M9.",
                "Your request is waiting for the next available specialist.",
                "Grace is now looking after your request.",
                "Ada, a senior specialist, has taken over your request. They have everything you told us, so you do "
                        + "not need to repeat yourself.",
                "Grace is not available right now, so we are passing your request to a colleague. They will have "
                        + "everything you told us.",
                "Grace will give you an update by 3 November 2026, 12:00 UTC.",
                "Grace will give you an update by 3 November 2026, 12:00 UTC: Your bank is checking it.",
                "Grace resolved your request: Refunded the second charge.",
                "We sent you the name of the person looking after your request by email.",
                "We could not send you the resolution by SMS.",
                "We asked how we did.",
                "Thank you for your feedback.",
                "You added details to your request.",
                "You withdrew your request.",
                "You reopened your request.");
    }

    @Test
    void aGermanCustomerReadsEveryKindOfLineInGerman() {
        assertThat(read("de", UTC, everyKind())).containsExactly(
                "Wir haben Ihre Anfrage TDM-7KQ2M9 erhalten.",
                "Ihre Anfrage wartet auf die nächste freie Fachkraft.",
                "Grace kümmert sich jetzt um Ihre Anfrage.",
                "Ada, eine erfahrene Fachkraft, hat Ihre Anfrage übernommen. Alles, was Sie uns gesagt haben, wurde "
                        + "übergeben: Sie müssen nichts wiederholen.",
                "Grace ist gerade nicht erreichbar, deshalb geben wir Ihre Anfrage an eine Kollegin oder einen "
                        + "Kollegen weiter. Alles, was Sie uns gesagt haben, wird mit übergeben.",
                "Grace meldet sich bis zum 3. November 2026, 12:00 UTC mit einem Zwischenstand bei Ihnen.",
                "Grace meldet sich bis zum 3. November 2026, 12:00 UTC mit einem Zwischenstand bei Ihnen: "
                        + "Your bank is checking it.",
                "Grace hat Ihre Anfrage gelöst: Refunded the second charge.",
                "Wir haben Ihnen den Namen Ihrer Ansprechperson per E-Mail geschickt.",
                "Wir konnten Ihnen die Lösung nicht per SMS schicken.",
                "Wir haben Sie gefragt, wie zufrieden Sie mit uns waren.",
                "Vielen Dank für Ihre Rückmeldung.",
                "Sie haben Ihre Anfrage ergänzt.",
                "Sie haben Ihre Anfrage zurückgezogen.",
                "Sie haben Ihre Anfrage wieder geöffnet.");
    }

    @ParameterizedTest
    @ValueSource(strings = {"de", "de-AT", "de-CH", "de-DE", "DE-at"})
    void everyLanguageTagOfGermanReadsGerman(String language) {
        assertThat(read(language, UTC, assigned())).containsExactly("Grace kümmert sich jetzt um Ihre Anfrage.");
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"en", "en-GB", "fr", "pt-BR", "dsb", "not a language"})
    void everyOtherOrUnknownLanguageReadsEnglish(String language) {
        assertThat(read(language, UTC, assigned())).containsExactly("Grace is now looking after your request.");
    }

    @Test
    void thePromisedTimeReadsInTheCustomersTimeZone() {
        List<TimelineEntry> promise = List.of(entry(Kind.UPDATE_PROMISED, Facts.promise("Grace", BY, null)));

        assertThat(read("en", BERLIN, promise))
                .containsExactly("Grace will give you an update by 3 November 2026, 13:00 Europe/Berlin.");
        assertThat(read("de-AT", ZoneId.of("Europe/Vienna"), promise)).containsExactly(
                "Grace meldet sich bis zum 3. November 2026, 13:00 Europe/Vienna mit einem Zwischenstand bei Ihnen.");
        assertThat(read("en", ZoneId.of("America/New_York"), promise))
                .containsExactly("Grace will give you an update by 3 November 2026, 07:00 America/New_York.");
    }

    @Test
    void everyTierOfANewOwnerHasItsWordsInEveryLanguage() {
        List<TimelineEntry> takeovers = List.of(entry(Kind.TRANSFERRED, Facts.takeover("Ada", 1)),
                entry(Kind.TRANSFERRED, Facts.takeover("Ada", 2)), entry(Kind.TRANSFERRED, Facts.takeover("Ada", 3)));

        assertThat(read("en", UTC, takeovers)).extracting(text -> text.substring(0, text.indexOf(" has taken over")))
                .containsExactly("Ada, a member of our support team,", "Ada, a specialist,", "Ada, a senior specialist,");
        assertThat(read("de", UTC, takeovers)).extracting(text -> text.substring(0, text.indexOf(" hat Ihre")))
                .containsExactly("Ada, ein Mitglied unseres Support-Teams,", "Ada, eine Fachkraft,",
                        "Ada, eine erfahrene Fachkraft,");
    }

    @Test
    void aTierTheseTextsHaveNoWordsForReadsInGeneralWords() {
        List<TimelineEntry> takeover = List.of(entry(Kind.TRANSFERRED, Facts.takeover("Ada", 4)));

        assertThat(read("en", UTC, takeover)).containsExactly("A colleague has taken over your request. They have "
                + "everything you told us, so you do not need to repeat yourself.");
        assertThat(read("de", UTC, takeover)).containsExactly("Eine Kollegin oder ein Kollege hat Ihre Anfrage "
                + "übernommen. Alles, was Sie uns gesagt haben, wurde übergeben: Sie müssen nichts wiederholen.");
    }

    @Test
    void theLanguageOfTheMachineNeverDecides() {
        Locale machine = Locale.getDefault();
        try {
            Locale.setDefault(Locale.GERMAN);
            TimelineTexts onAGermanMachine = new TimelineTexts();

            assertThat(onAGermanMachine.text(assigned().getFirst(), TimelineTexts.localeFor("fr"), UTC))
                    .isEqualTo("Grace is now looking after your request.");
        } finally {
            Locale.setDefault(machine);
        }
    }

    @Test
    void aLineStoredBeforeLinesHadFactsStillReads() {
        List<TimelineEntry> earlier = Arrays.stream(Kind.values()).map(kind -> entry(kind, null)).toList();

        assertThat(read("en", UTC, earlier)).containsExactly(
                "We received your request.",
                "Your request is waiting for the next available specialist.",
                "A specialist is now looking after your request.",
                "A colleague has taken over your request. They have everything you told us, so you do not need to "
                        + "repeat yourself.",
                "The person looking after your request is not available right now, so we are passing it to a "
                        + "colleague. They will have everything you told us.",
                "We promised you an update.",
                "We resolved your request.",
                "We sent you a message.",
                "We could not send you a message.",
                "We asked how we did.",
                "Thank you for your feedback.",
                "You added details to your request.",
                "You withdrew your request.",
                "You reopened your request.");
        assertThat(read("de", UTC, earlier)).hasSize(Kind.values().length)
                .noneMatch(text -> text.contains("null") || text.contains("{")).contains(
                        "Wir haben Ihre Anfrage erhalten.",
                        "Eine Fachkraft kümmert sich jetzt um Ihre Anfrage.");
    }

    @Test
    void everyMessageOnEveryChannelHasItsWordsInEveryLanguage() {
        List<TimelineEntry> messages = new ArrayList<>();
        for (MessageKind message : MessageKind.values()) {
            for (Channel channel : Channel.values()) {
                messages.add(entry(Kind.NOTIFIED, Facts.message(message, channel)));
                messages.add(entry(Kind.NOT_DELIVERED, Facts.message(message, channel)));
            }
        }

        for (String language : List.of("en", "de")) {
            assertThat(read(language, UTC, messages)).doesNotHaveDuplicates()
                    .noneMatch(text -> text.contains("message.") || text.contains("channel."));
        }
    }

    private List<String> read(String language, ZoneId zone, List<TimelineEntry> timeline) {
        Locale locale = TimelineTexts.localeFor(language);
        return timeline.stream().map(entry -> texts.text(entry, locale, zone)).toList();
    }

    private static List<TimelineEntry> everyKind() {
        return List.of(
                entry(Kind.SUBMITTED, Facts.reference("TDM-7KQ2M9")),
                entry(Kind.QUEUED, Facts.NONE),
                entry(Kind.ASSIGNED, Facts.agent("Grace")),
                entry(Kind.TRANSFERRED, Facts.takeover("Ada", 3)),
                entry(Kind.RELEASED, Facts.agent("Grace")),
                entry(Kind.UPDATE_PROMISED, Facts.promise("Grace", BY, null)),
                entry(Kind.UPDATE_PROMISED, Facts.promise("Grace", BY, "Your bank is checking it.")),
                entry(Kind.RESOLVED, Facts.resolution("Grace", "Refunded the second charge.")),
                entry(Kind.NOTIFIED, Facts.message(MessageKind.OWNER_ASSIGNED, Channel.EMAIL)),
                entry(Kind.NOT_DELIVERED, Facts.message(MessageKind.RESOLVED, Channel.SMS)),
                entry(Kind.CHECK_IN, Facts.NONE),
                entry(Kind.FEEDBACK, Facts.NONE),
                entry(Kind.DETAILS_ADDED, Facts.NONE),
                entry(Kind.WITHDRAWN, Facts.NONE),
                entry(Kind.REOPENED, Facts.NONE));
    }

    private static List<TimelineEntry> assigned() {
        return List.of(entry(Kind.ASSIGNED, Facts.agent("Grace")));
    }

    private static TimelineEntry entry(Kind kind, Facts facts) {
        return new TimelineEntry(AT, kind, "event-" + kind, facts);
    }
}
