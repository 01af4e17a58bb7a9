package dev.tandem.platform.security;

import java.util.function.Predicate;

/**
 * Spring Security's firewall rules for header names and values, checked a character at a time instead of with its
 * regular expressions: every header of every call goes through them, a bearer token's hundreds of characters
 * included, and the expressions' Unicode property classes made them a visible share of a call's CPU. The rules are
 * the same: every code point assigned, and none a control character, except that a value may contain tabs
 * ({@code StrictHttpFirewall}'s {@code [\p{IsAssigned}&&[^\p{IsControl}]]*} and
 * {@code [\p{IsAssigned}&&[[^\p{IsControl}]||\t]]*}).
 */
final class HeaderCharacters {

    /** What a header name may contain. */
    static final Predicate<String> NAMES = name -> allowed(name, false);
    /** What a header value may contain. */
    static final Predicate<String> VALUES = value -> allowed(value, true);

    private HeaderCharacters() {
    }

    private static boolean allowed(String text, boolean tabs) {
        for (int i = 0; i < text.length(); ) {
            int codePoint = text.codePointAt(i);
            // printable ASCII is assigned and not a control character
            if (codePoint < 0x20 || codePoint > 0x7E) {
                int type = Character.getType(codePoint);
                if (type == Character.UNASSIGNED || type == Character.CONTROL && !(tabs && codePoint == '\t')) {
                    return false;
                }
            }
            i += Character.charCount(codePoint);
        }
        return true;
    }
}
