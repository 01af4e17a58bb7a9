package dev.tandem.contracts;

import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.UUID;

/**
 * Random identifiers without a lock shared by every thread. {@link UUID#randomUUID()} draws from one
 * {@code SecureRandom} for the whole JVM, which on Linux reads {@code /dev/urandom} under a lock for every id: with
 * several ids per API call, the calls queue for it under load. Here each thread has a generator of its own, a
 * {@code DRBG} seeded from the system's entropy when the thread first asks, so ids are as unpredictable as before.
 */
public final class RandomIds {

    private static final ThreadLocal<SecureRandom> GENERATOR = ThreadLocal.withInitial(RandomIds::newGenerator);

    private RandomIds() {
    }

    /** A random (version 4) UUID in its usual text form. */
    public static String uuid() {
        SecureRandom random = GENERATOR.get();
        long high = random.nextLong();
        long low = random.nextLong();
        high = (high & ~0xF000L) | 0x4000L;                  // version 4
        low = (low & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L; // the IETF variant
        return new UUID(high, low).toString();
    }

    /** This thread's generator, for other random values that must not be guessable. */
    public static SecureRandom generator() {
        return GENERATOR.get();
    }

    private static SecureRandom newGenerator() {
        try {
            return SecureRandom.getInstance("DRBG");
        } catch (NoSuchAlgorithmException e) {
            return new SecureRandom();
        }
    }
}
