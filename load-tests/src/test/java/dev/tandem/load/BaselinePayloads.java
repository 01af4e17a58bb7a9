package dev.tandem.load;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * Writes {@code RequestSubmitted} events, one per line, for Kafka's producer benchmark to send
 * ({@code --payload-file}): the same submissions the load simulation makes, in the form intake publishes them.
 *
 * <pre>{@code java ... dev.tandem.load.BaselinePayloads <file> [count]}</pre>
 */
public final class BaselinePayloads {

    private static final char[] REFERENCE_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();

    private BaselinePayloads() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 1) {
            System.err.println("Usage: BaselinePayloads <file> [count]");
            System.exit(2);
        }
        Path file = Path.of(args[0]);
        int count = args.length > 1 ? Integer.parseInt(args[1]) : 2_000;
        long bytes = write(file, count, new SplittableRandom(1));
        System.out.printf("Wrote %d RequestSubmitted events to %s, %d bytes each on average%n", count, file,
                bytes / count);
    }

    /** Writes the events and returns their total size in bytes, newlines not counted. */
    static long write(Path file, int count, SplittableRandom random) throws IOException {
        Submissions submissions = Submissions.forCustomers(100, random.nextLong());
        Instant now = Instant.now();
        long total = 0;
        Files.createDirectories(file.toAbsolutePath().getParent());
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (int i = 0; i < count; i++) {
                String event = submissions.next(random).submittedEventJson(uuid(random), uuid(random), uuid(random),
                        reference(random), now.plusMillis(i));
                total += event.getBytes(StandardCharsets.UTF_8).length;
                out.write(event);
                out.write('\n');
            }
        }
        return total;
    }

    private static String uuid(SplittableRandom random) {
        return new UUID(random.nextLong(), random.nextLong()).toString();
    }

    private static String reference(SplittableRandom random) {
        StringBuilder reference = new StringBuilder("TDM-");
        for (int i = 0; i < 6; i++) {
            reference.append(REFERENCE_ALPHABET[random.nextInt(REFERENCE_ALPHABET.length)]);
        }
        return reference.toString();
    }
}
