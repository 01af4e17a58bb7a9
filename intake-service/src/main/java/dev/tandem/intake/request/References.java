package dev.tandem.intake.request;

import dev.tandem.contracts.RandomIds;
import java.security.SecureRandom;

/**
 * Short references a customer can read out on the phone: {@code TDM-} and six characters of Crockford's
 * base 32, which leaves out letters that look like digits.
 */
final class References {

    private static final char[] ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();

    private References() {
    }

    static String next() {
        SecureRandom random = RandomIds.generator();
        StringBuilder reference = new StringBuilder("TDM-");
        for (int i = 0; i < 6; i++) {
            reference.append(ALPHABET[random.nextInt(ALPHABET.length)]);
        }
        return reference.toString();
    }
}
