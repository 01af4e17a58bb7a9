package dev.tandem.intake.request;

import dev.tandem.intake.request.TimelineEntry.Facts;
import dev.tandem.intake.request.TimelineEntry.Kind;
import dev.tandem.platform.i18n.CustomerTexts;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The words of the customer-facing timeline, kept in {@code messages/timeline*.properties}: German for customers
 * whose language is German ({@code de}, {@code de-AT}, {@code de-CH}...), English for everyone else. Each kind of
 * line has its text; times read in the customer's time zone.
 */
@Component
class TimelineTexts {

    private static final List<Locale> WRITTEN = List.of(Locale.ENGLISH, Locale.GERMAN);

    private final MessageSource texts = CustomerTexts.messageSource("messages/timeline");

    /** The language a customer's timeline reads in, from the language tag they gave. */
    static Locale localeFor(String language) {
        return CustomerTexts.localeFor(language, WRITTEN);
    }

    /** One line in words, in the given language, its times in the given zone. */
    String text(TimelineEntry entry, Locale locale, ZoneId zone) {
        Kind kind = entry.kind();
        Facts facts = entry.facts();
        return switch (kind) {
            case SUBMITTED -> words(kind, kind.name(), locale, facts.reference());
            case ASSIGNED, RELEASED -> words(kind, kind.name(), locale, facts.agentName());
            case TRANSFERRED -> words(kind, kind.name(), locale, facts.agentName(), tier(facts.agentTier(), locale));
            case UPDATE_PROMISED -> facts.note() == null
                    ? words(kind, kind.name(), locale, facts.agentName(), time(facts.promisedBy(), locale, zone))
                    : words(kind, kind.name() + ".withNote", locale, facts.agentName(),
                            time(facts.promisedBy(), locale, zone), facts.note());
            case RESOLVED -> words(kind, kind.name(), locale, facts.agentName(), facts.summary());
            case NOTIFIED, NOT_DELIVERED -> words(kind, kind.name(), locale,
                    name("message.", facts.message(), locale), name("channel.", facts.channel(), locale));
            case QUEUED, CHECK_IN, FEEDBACK, DETAILS_ADDED, WITHDRAWN, REOPENED -> words(kind, kind.name(), locale);
        };
    }

    // a line without the facts its text needs (lines stored before lines had facts) reads in general words
    private String words(Kind kind, String key, Locale locale, Object... facts) {
        if (Arrays.stream(facts).anyMatch(Objects::isNull)) {
            return texts.getMessage(kind.name() + ".withoutFacts", null, locale);
        }
        return texts.getMessage(key, facts, locale);
    }

    private String time(Instant instant, Locale locale, ZoneId zone) {
        return instant == null ? null
                : DateTimeFormatter.ofPattern(texts.getMessage("time", null, locale), locale).format(instant.atZone(zone));
    }

    // a tier these texts have no words for (one routing added since) reads as a line without its facts
    private String tier(Integer tier, Locale locale) {
        return tier == null ? null : texts.getMessage("tier." + tier, null, null, locale);
    }

    private String name(String prefix, Enum<?> value, Locale locale) {
        return value == null ? null : texts.getMessage(prefix + value.name(), null, locale);
    }
}
