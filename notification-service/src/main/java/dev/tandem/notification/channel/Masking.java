package dev.tandem.notification.channel;

import dev.tandem.contracts.Channel;

/**
 * Addresses as people other than the customer may see them: enough to recognise one, not enough to use it.
 * {@code ada@example.com} becomes {@code a***@example.com}, {@code +447700900123} becomes
 * {@code +44*******123}.
 */
public final class Masking {

    private static final String HIDDEN = "***";

    private Masking() {
    }

    public static String address(Channel channel, String address) {
        return channel == Channel.SMS ? phone(address) : email(address);
    }

    public static String email(String email) {
        if (email == null) {
            return null;
        }
        int at = email.lastIndexOf('@');
        if (at < 1 || at == email.length() - 1) {
            return HIDDEN;
        }
        return email.charAt(0) + HIDDEN + email.substring(at);
    }

    /** Keeps the country code and the last three digits, and shows how many digits are hidden. */
    public static String phone(String phone) {
        if (phone == null) {
            return null;
        }
        String number = phone.strip();
        if (number.length() < 8) {
            return HIDDEN;
        }
        int shownAtStart = number.startsWith("+") ? 3 : 2;
        int shownAtEnd = 3;
        return number.substring(0, shownAtStart) + "*".repeat(number.length() - shownAtStart - shownAtEnd)
                + number.substring(number.length() - shownAtEnd);
    }
}
