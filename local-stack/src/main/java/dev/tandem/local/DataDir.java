package dev.tandem.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.function.Supplier;

/** The layout of the directory where the local stack keeps everything that survives a restart, and its logs. */
record DataDir(Path root) {

    DataDir {
        root = root.toAbsolutePath().normalize();
    }

    Path kafka() {
        return root.resolve("kafka");
    }

    /** The store's H2 file, with every database of the services. */
    Path mongo() {
        return root.resolve("mongo").resolve("tandem.mv");
    }

    /** Where earlier versions of the local stack kept the store, in a format of their own; no longer read. */
    Path formerMongoJournal() {
        return root.resolve("mongo").resolve("tandem.journal");
    }

    /** A log file for this run: the previous run's log is dropped, so its last lines are always about this run. */
    Path freshLog(String name) {
        Path log = root.resolve("logs").resolve(name + ".log");
        try {
            Files.createDirectories(log.getParent());
            Files.deleteIfExists(log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return log;
    }

    /**
     * The feedback service's link-signing key, generated on first use: links mailed in an earlier run stay valid
     * after a restart.
     */
    String signingKey() {
        return readOrCreate(root.resolve("signing.key"), DataDir::randomKey);
    }

    /** The local issuer's signing key: tokens handed out in an earlier run stay valid after a restart. */
    Path issuerKey() {
        return root.resolve("issuer.jwk");
    }

    /** Reads a small value kept in a file, writing it there first if it isn't yet. */
    static String readOrCreate(Path file, Supplier<String> value) {
        try {
            if (Files.notExists(file)) {
                Files.createDirectories(file.getParent());
                Files.writeString(file, value.get());
            }
            return Files.readString(file).strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String randomKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(key);
    }
}
