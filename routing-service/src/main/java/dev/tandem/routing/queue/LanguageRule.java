package dev.tandem.routing.queue;

import java.util.Locale;

/** How an agent's languages must match the customer's. */
public enum LanguageRule {
    /** The primary subtags match: an agent who speaks {@code pt} or {@code pt-PT} serves {@code pt-BR}. The default. */
    PRIMARY_SUBTAG,
    /** The whole tag matches, ignoring case: {@code pt-BR} only for {@code pt-BR}. */
    EXACT;

    /** Whether an agent speaking {@code spoken} serves a customer writing {@code wanted}. */
    public boolean matches(String spoken, String wanted) {
        return this == EXACT ? spoken.equalsIgnoreCase(wanted) : primarySubtag(spoken).equals(primarySubtag(wanted));
    }

    /** The part of a language tag that {@link #PRIMARY_SUBTAG} compares: {@code pt} for {@code pt-BR}. */
    public static String primarySubtag(String tag) {
        int dash = tag.indexOf('-');
        return (dash < 0 ? tag : tag.substring(0, dash)).toLowerCase(Locale.ROOT);
    }
}
