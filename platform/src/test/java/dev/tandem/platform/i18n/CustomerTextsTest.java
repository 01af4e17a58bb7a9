package dev.tandem.platform.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.context.MessageSource;

class CustomerTextsTest {

    private static final List<Locale> WRITTEN = List.of(Locale.ENGLISH, Locale.GERMAN, Locale.FRENCH);

    @Test
    void aCustomerReadsTheLanguageOfTheirTagsPrimarySubtag() {
        assertThat(CustomerTexts.localeFor("de-AT", WRITTEN)).isEqualTo(Locale.GERMAN);
        assertThat(CustomerTexts.localeFor(" DE-ch ", WRITTEN)).isEqualTo(Locale.GERMAN);
        assertThat(CustomerTexts.localeFor("fr-CA", WRITTEN)).isEqualTo(Locale.FRENCH);
    }

    @Test
    void aLanguageNotWrittenInReadsTheFallbackEvenWhenItsCodeStartsLikeOneThatIs() {
        // Lower Sorbian is not German, though its code starts with "d"
        assertThat(CustomerTexts.localeFor("dsb", WRITTEN)).isEqualTo(Locale.ENGLISH);
        assertThat(CustomerTexts.localeFor("pt-BR", WRITTEN)).isEqualTo(Locale.ENGLISH);
        assertThat(CustomerTexts.localeFor(null, WRITTEN)).isEqualTo(Locale.ENGLISH);
        assertThat(CustomerTexts.localeFor("not a tag!", WRITTEN)).isEqualTo(Locale.ENGLISH);
    }

    @Test
    void textsComeInTheCustomersLanguageWhateverTheMachinesLanguage() {
        Locale machine = Locale.getDefault();
        Locale.setDefault(Locale.GERMAN);
        try {
            MessageSource texts = CustomerTexts.messageSource("messages/test-texts");

            assertThat(texts.getMessage("greeting", new Object[] {"Ada"}, Locale.ENGLISH)).isEqualTo("Hello Ada");
            assertThat(texts.getMessage("greeting", new Object[] {"Jürgen"}, Locale.GERMAN))
                    .isEqualTo("Guten Tag Jürgen");
        } finally {
            Locale.setDefault(machine);
        }
    }
}
