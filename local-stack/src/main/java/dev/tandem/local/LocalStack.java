package dev.tandem.local;

import dev.tandem.issuer.LocalIssuer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The whole Tandem system on this machine, without Docker: a Kafka broker and the four services as child JVMs; a
 * MongoDB-wire store, an SMTP server and the local tools (mail and SMS inboxes, an SMS gateway stand-in, the token
 * issuer the services trust) in this JVM. Everything listens on 127.0.0.1 only.
 *
 * <pre>{@code
 * try (LocalStack stack = new LocalStack(LocalStack.Settings.onFreePorts(repoRoot, tempDir))) {
 *     Endpoints endpoints = stack.start();
 *     // ... call endpoints.intakeUrl(), then read stack.mail() and stack.sms()
 * }
 * }</pre>
 */
public final class LocalStack implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LocalStack.class);

    /**
     * What a local stack is made of and where.
     *
     * @param repoRoot         the Tandem repository, where the services' jars are built
     * @param dataDir          where the broker, the store and the logs keep their files across runs
     * @param readinessTimeout how long each part (the broker, then the services together) may take to become ready
     * @param jvm              how the services' JVMs are set up
     * @param only             the services to start, by name; empty for all four
     */
    public record Settings(Path repoRoot, Path dataDir, Ports ports, Duration readinessTimeout, JvmProfile jvm,
                           Set<String> only) {

        private static final Duration DEFAULT_READINESS_TIMEOUT = Duration.ofSeconds(120);

        public Settings {
            repoRoot = repoRoot.toAbsolutePath().normalize();
            dataDir = dataDir.toAbsolutePath().normalize();
            only = Set.copyOf(only);
        }

        /** The well-known ports, with the data in {@code data/} under the repository. */
        public static Settings defaults(Path repoRoot) {
            return new Settings(repoRoot, repoRoot.resolve("data"), Ports.defaults(), DEFAULT_READINESS_TIMEOUT,
                    JvmProfile.SMALL, Set.of());
        }

        /** Ports that are free right now, so that a test's stack clashes with nothing else running. */
        public static Settings onFreePorts(Path repoRoot, Path dataDir) {
            return new Settings(repoRoot, dataDir, Ports.free(), DEFAULT_READINESS_TIMEOUT, JvmProfile.SMALL,
                    Set.of());
        }

        public Settings withDataDir(Path dataDir) {
            return new Settings(repoRoot, dataDir, ports, readinessTimeout, jvm, only);
        }

        public Settings withReadinessTimeout(Duration readinessTimeout) {
            return new Settings(repoRoot, dataDir, ports, readinessTimeout, jvm, only);
        }

        public Settings withJvm(JvmProfile jvm) {
            return new Settings(repoRoot, dataDir, ports, readinessTimeout, jvm, only);
        }

        /** Starts only these services (and everything they need: broker, store, mail, tools), for a load test. */
        public Settings withOnly(Set<String> services) {
            return new Settings(repoRoot, dataDir, ports, readinessTimeout, jvm, services);
        }
    }

    private final Settings settings;
    private final DataDir data;
    private final Endpoints endpoints;
    private final SmsInbox sms = new SmsInbox(Clock.systemUTC());

    // set as each part has started, under this object's lock: a shutdown hook may close the stack while it starts
    private Services services;
    private KafkaBroker kafka;
    private ToolsServer tools;
    private MailServer mailServer;
    private MongoStore mongo;
    private boolean closed;

    public LocalStack(Settings settings) {
        this.settings = settings;
        this.data = new DataDir(settings.dataDir());
        this.endpoints = Endpoints.of(settings.ports());
    }

    /**
     * Starts everything and returns once every service reports itself ready. On failure, whatever was started is
     * stopped again and the exception says what went wrong, with the end of the failing process's log.
     *
     * @throws IllegalStateException when a service jar has not been built, a port is taken, a process exits early
     *                               or a part does not become ready in time
     */
    public Endpoints start() {
        requireRepository(settings.repoRoot());
        Ports ports = settings.ports();
        LocalIssuer issuer = LocalIssuer.withKeyIn(data.issuerKey(), endpoints.issuerUrl());
        List<ServiceLaunch> launches = ServiceLaunch.all(ports, data.signingKey(), issuer, settings.jvm()).stream()
                .filter(launch -> settings.only().isEmpty() || settings.only().contains(launch.name()))
                .toList();
        Services.requireJars(settings.repoRoot(), launches);
        ports.requireFree();
        try {
            log.info("Starting Kafka on port {}", ports.kafka());
            keep(KafkaBroker.start(data.kafka(), ports.kafka(), ports.kafkaController(), data.freshLog("kafka"),
                    settings.readinessTimeout()), started -> kafka = started);
            warnOfFormerJournal();
            keep(MongoStore.start(data.mongo(), ports.mongo()), started -> mongo = started);
            MailServer mail = keep(MailServer.start(ports.smtp()), started -> mailServer = started);
            keep(ToolsServer.start(ports.tools(), mail::received, sms, issuer), started -> tools = started);
            log.info("Starting {}", launches.stream().map(ServiceLaunch::name).toList());
            keep(Services.start(settings.repoRoot(), data, launches), started -> services = started)
                    .awaitReady(Instant.now().plus(settings.readinessTimeout()));
        } catch (RuntimeException e) {
            close();
            throw e;
        }
        childProcesses().forEach(ChildProcess::reportUnexpectedExit);
        return endpoints;
    }

    public Settings settings() {
        return settings;
    }

    /** Where everything listens; known before {@link #start()}, since the ports are fixed by the settings. */
    public Endpoints endpoints() {
        return endpoints;
    }

    /** Every mail the SMTP server has received in this run, one entry per recipient, oldest first. */
    public synchronized List<ReceivedMail> mail() {
        return mailServer == null ? List.of() : mailServer.received();
    }

    /** Every text message the SMS gateway stand-in has accepted in this run, oldest first. */
    public List<ReceivedSms> sms() {
        return sms.received();
    }

    /**
     * Stops everything: the services first, while the broker and the store they use are still there, then the
     * broker, then the servers in this JVM. Safe to call more than once, and while {@link #start()} is running.
     */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        for (AutoCloseable part : new AutoCloseable[] {services, kafka, tools, mailServer, mongo}) {
            if (part != null) {
                closeQuietly(part);
            }
        }
    }

    // Records a started part where close() finds it, unless the stack was closed meanwhile: then it stops at once.
    private synchronized <T extends AutoCloseable> T keep(T part, Consumer<T> field) {
        if (closed) {
            closeQuietly(part);
            throw new IllegalStateException("The local stack was stopped while it started");
        }
        field.accept(part);
        return part;
    }

    private synchronized List<ChildProcess> childProcesses() {
        List<ChildProcess> children = new ArrayList<>();
        if (kafka != null) {
            children.add(kafka.process());
        }
        if (services != null) {
            children.addAll(services.processes());
        }
        return children;
    }

    // not carried over: the local stack's data is there to try things out
    private void warnOfFormerJournal() {
        if (Files.exists(data.formerMongoJournal())) {
            log.warn("{} is from an earlier version of the local stack and no longer read; the store's data is in {}."
                    + " Delete the journal, or start on a fresh data directory (--data)", data.formerMongoJournal(),
                    data.mongo());
        }
    }

    private static void closeQuietly(AutoCloseable part) {
        try {
            part.close();
        } catch (Exception e) {
            log.warn("Failed to stop {}", part.getClass().getSimpleName(), e);
        }
    }

    private static void requireRepository(Path dir) {
        if (!Files.isRegularFile(dir.resolve("pom.xml")) || !Files.isDirectory(dir.resolve("intake-service"))) {
            throw new IllegalStateException(dir + " is not the Tandem repository: it has no pom.xml and intake-service/."
                    + " Run from the repository's root, or pass --repo <dir>");
        }
    }
}
