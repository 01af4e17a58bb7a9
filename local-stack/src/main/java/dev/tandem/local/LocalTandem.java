package dev.tandem.local;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs the whole Tandem system on this machine until Ctrl-C. Started by {@code ./tandem-local} in the repository's
 * root.
 */
public final class LocalTandem {

    private static final String USAGE = """
            Usage: tandem-local [--repo <dir>] [--data <dir>] [--perf] [--only <service>[,<service>...]]
              --repo <dir>  the Tandem repository, with the services built in it (default: the current directory)
              --data <dir>  where Kafka's topics, the MongoDB data and the logs are kept (default: data/ in the repository)
              --perf        JVMs set up for a load test: full JIT and larger heaps (slower start, more memory)
              --only <list> start only these services, e.g. --only intake (broker, store, mail and tools always run)""";

    private LocalTandem() {
    }

    /** The command line: where the repository and the data are, and how the services' JVMs are set up. */
    record Options(Path repo, Path data, JvmProfile jvm, Set<String> only) {

        static Options parse(String... args) {
            Path repo = Path.of("");
            Path data = null;
            JvmProfile jvm = JvmProfile.SMALL;
            Set<String> only = Set.of();
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--repo" -> repo = Path.of(value(args, ++i, "--repo"));
                    case "--data" -> data = Path.of(value(args, ++i, "--data"));
                    case "--perf" -> jvm = JvmProfile.PERFORMANCE;
                    case "--only" -> only = services(value(args, ++i, "--only"));
                    default -> throw new IllegalArgumentException("Unknown option: " + args[i]);
                }
            }
            return new Options(repo, data == null ? repo.resolve("data") : data, jvm, only);
        }

        // "intake" or "intake-service", comma-separated
        private static Set<String> services(String list) {
            Set<String> services = new LinkedHashSet<>();
            for (String given : list.split(",")) {
                String name = given.trim().endsWith("-service") ? given.trim() : given.trim() + "-service";
                if (!ServiceLaunch.NAMES.contains(name)) {
                    throw new IllegalArgumentException("--only: no service called '" + given.trim() + "'; there are "
                            + String.join(", ", ServiceLaunch.NAMES));
                }
                services.add(name);
            }
            return services;
        }

        private static String value(String[] args, int index, String option) {
            if (index >= args.length) {
                throw new IllegalArgumentException(option + " needs a value");
            }
            return args[index];
        }
    }

    public static void main(String[] args) throws InterruptedException {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage() + "\n" + USAGE);
            System.exit(2);
            return;
        }
        LocalStack.Settings settings = LocalStack.Settings.defaults(options.repo()).withDataDir(options.data())
                .withJvm(options.jvm()).withOnly(options.only());
        LocalStack stack = new LocalStack(settings);
        AtomicBoolean ready = new AtomicBoolean();
        // also on Ctrl-C while starting; after a failed start there is nothing left to stop, nor to announce
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            if (ready.get()) {
                System.out.println("Stopping Tandem...");
            }
            stack.close();
            if (ready.get()) {
                System.out.println("Stopped.");
            }
        }, "tandem-local-shutdown"));

        long startedAt = System.nanoTime();
        try {
            stack.start();
        } catch (IllegalStateException e) {
            // the expected failures (a missing jar, a port in use, a service that crashed) explain themselves
            System.err.println("Tandem could not start: " + e.getMessage());
            System.exit(1);
        }
        ready.set(true);
        System.out.println(ReadySummary.render(stack.endpoints(), settings.dataDir(), Duration.ofNanos(System.nanoTime() - startedAt), settings.only()));
        // everything runs in other threads and processes; the shutdown hook ends it all on Ctrl-C
        Thread.currentThread().join();
    }
}
