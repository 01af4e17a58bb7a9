package dev.tandem.notification.template;

import dev.tandem.contracts.notification.MessageKind;
import dev.tandem.platform.i18n.CustomerTexts;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The texts customers receive, kept in {@code messages/customer*.properties}: German for customers whose language
 * is German ({@code de}, {@code de-AT}...), English for everyone else. Each kind of message has a {@code subject}, an email
 * {@code body} and an {@code sms} text; {@code {0}} is the customer's name, {@code {1}} the reference and
 * {@code {2}} the detail (owner, summary or link).
 */
@Component
public class MessageCatalogue {

    /** Two concatenated SMS segments of the GSM alphabet; a longer text costs more and reads worse. */
    public static final int SMS_LIMIT = 320;
    private static final String ELLIPSIS = "…";
    private static final int SHORTEST_NAME = 1;

    private static final List<Locale> WRITTEN = List.of(Locale.ENGLISH, Locale.GERMAN);

    private final MessageSource texts = CustomerTexts.messageSource("messages/customer");

    public CustomerMessage compose(MessageKind kind, String language, MessageFacts facts) {
        Locale locale = localeFor(language);
        String detail = kind == MessageKind.RESOLVED ? asSentence(facts.detail()) : facts.detail();
        String name = facts.customerName() == null ? "" : facts.customerName().strip();
        return new CustomerMessage(
                text(kind, "subject", locale, name, facts.reference(), detail),
                text(kind, "body", locale, name, facts.reference(), detail),
                sms(kind, locale, name, facts.reference(), detail));
    }

    static Locale localeFor(String language) {
        return CustomerTexts.localeFor(language, WRITTEN);
    }

    /**
     * Fits the SMS into {@value #SMS_LIMIT} characters by shortening what the customer can do without: a long
     * summary, owner name or customer name. The reference and a check-in link are never cut; a cut link would
     * not work.
     */
    private String sms(MessageKind kind, Locale locale, String name, String reference, String detail) {
        boolean detailMayBeCut = detail != null && kind != MessageKind.CHECK_IN;
        String text = text(kind, "sms", locale, name, reference, detail);
        while (text.length() > SMS_LIMIT) {
            int overflow = text.length() - SMS_LIMIT;
            if (detailMayBeCut && detail.length() > SHORTEST_NAME + 1 && detail.length() >= name.length()) {
                detail = shorten(detail, overflow);
            } else if (name.length() > SHORTEST_NAME + 1) {
                name = shorten(name, overflow);
            } else {
                break;
            }
            text = text(kind, "sms", locale, name, reference, detail);
        }
        return text;
    }

    private String text(MessageKind kind, String part, Locale locale, Object... args) {
        return texts.getMessage(kind.name() + "." + part, args, locale);
    }

    private static String shorten(String value, int by) {
        int keep = Math.max(SHORTEST_NAME, value.length() - by - ELLIPSIS.length());
        return value.substring(0, keep).strip() + ELLIPSIS;
    }

    private static String asSentence(String summary) {
        if (summary == null || summary.isBlank()) {
            return "";
        }
        String text = summary.strip();
        return text.matches(".*[.!?…]$") ? text : text + ".";
    }
}
