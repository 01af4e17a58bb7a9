package dev.tandem.platform.i18n;

import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * What every service that writes to customers shares: where its texts come from, and which of its languages a
 * customer reads. The customer's language decides, never the language of the machine a service runs on.
 */
public final class CustomerTexts {

    private CustomerTexts() {
    }

    /** Texts in {@code <basename>*.properties} (UTF-8), one file per language, English the one without a suffix. */
    public static MessageSource messageSource(String basename) {
        ResourceBundleMessageSource source = new ResourceBundleMessageSource();
        source.setBasename(basename);
        source.setDefaultEncoding("UTF-8");
        source.setFallbackToSystemLocale(false);
        source.setAlwaysUseMessageFormat(true);
        return source;
    }

    /**
     * The language, of those a service writes in, that a customer reads: the one whose language matches the
     * primary subtag of the customer's tag ({@code de-AT} reads German), else the first, the fallback.
     *
     * @param written the languages written in, the fallback first
     */
    public static Locale localeFor(String languageTag, List<Locale> written) {
        String spoken = languageTag == null ? "" : Locale.forLanguageTag(languageTag.strip()).getLanguage();
        return written.stream().filter(locale -> locale.getLanguage().equals(spoken)).findFirst()
                .orElse(written.getFirst());
    }
}
