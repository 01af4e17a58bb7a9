package dev.tandem.local;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A one-node Apache Kafka cluster in KRaft mode (broker and controller in one process), in a JVM of its own so
 * that it behaves as a real deployment does and its memory shows separately. It runs from the launcher's own
 * classpath, which holds the broker's jars.
 */
final class KafkaBroker implements AutoCloseable {

    private static final List<String> JVM_OPTIONS = List.of(
            "-XX:+UseSerialGC", "-Xms64m", "-Xmx256m",
            // the same logging whatever else a host's classpath (a test module's, say) brings, such as Logback
            "-Dslf4j.provider=org.slf4j.simple.SimpleServiceProvider",
            // the classpath's logging configuration quietens the launcher's libraries; the broker's log is wanted in full
            "-Dorg.slf4j.simpleLogger.defaultLogLevel=info");
    private static final Duration FORMAT_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration ADMIN_TIMEOUT = Duration.ofSeconds(2);

    private final ChildProcess process;
    private final String bootstrap;

    private KafkaBroker(ChildProcess process, String bootstrap) {
        this.process = process;
        this.bootstrap = bootstrap;
    }

    /**
     * Starts the broker and waits until it answers an admin request.
     *
     * @param dir the broker's data: its configuration, cluster id and topic logs, kept across runs
     * @param log where the broker's output goes
     */
    static KafkaBroker start(Path dir, int port, int controllerPort, Path log, Duration timeout) {
        Path logDir = dir.resolve("log");
        Path config = writeConfig(dir, logDir, port, controllerPort);
        if (Files.notExists(logDir.resolve("meta.properties"))) {
            String clusterId = DataDir.readOrCreate(dir.resolve("cluster.id"), () -> Uuid.randomUuid().toString());
            ChildProcess.startJava("Kafka storage format", kafkaJava("kafka.tools.StorageTool",
                            "format", "--standalone", "-t", clusterId, "-c", config.toString()), log)
                    .awaitSuccess(FORMAT_TIMEOUT);
        }
        KafkaBroker broker = new KafkaBroker(
                ChildProcess.startJava("Kafka", kafkaJava("kafka.Kafka", config.toString()), log),
                Endpoints.HOST + ":" + port);
        try {
            broker.awaitReady(port, timeout);
            return broker;
        } catch (RuntimeException e) {
            broker.close();
            throw e;
        }
    }

    String bootstrap() {
        return bootstrap;
    }

    ChildProcess process() {
        return process;
    }

    @Override
    public void close() {
        process.stop();
    }

    private static List<String> kafkaJava(String mainClass, String... arguments) {
        List<String> command = new ArrayList<>(JVM_OPTIONS);
        command.add("-cp");
        command.add(LauncherClasspath.get());
        command.add(mainClass);
        command.addAll(List.of(arguments));
        return command;
    }

    private static Path writeConfig(Path dir, Path logDir, int port, int controllerPort) {
        // Written on every start: the ports may differ between runs, the data does not depend on them.
        String config = """
                process.roles=broker,controller
                node.id=1
                listeners=PLAINTEXT://127.0.0.1:%d,CONTROLLER://127.0.0.1:%d
                advertised.listeners=PLAINTEXT://127.0.0.1:%d
                listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
                inter.broker.listener.name=PLAINTEXT
                controller.listener.names=CONTROLLER
                controller.quorum.bootstrap.servers=127.0.0.1:%d
                log.dirs=%s
                num.partitions=3
                # one broker: every internal topic has a single replica
                offsets.topic.replication.factor=1
                transaction.state.log.replication.factor=1
                transaction.state.log.min.isr=1
                share.coordinator.state.topic.replication.factor=1
                share.coordinator.state.topic.min.isr=1
                # consumers that join one after the other don't wait for each other
                group.initial.rebalance.delay.ms=0
                """.formatted(port, controllerPort, port, controllerPort, logDir.toAbsolutePath());
        try {
            Files.createDirectories(dir);
            return Files.writeString(dir.resolve("server.properties"), config);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void awaitReady(int port, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        // Only once the listener accepts connections: an admin client started earlier logs a warning per retry.
        Waiting.until(deadline, process, "Kafka to listen on port " + port + " (log: " + process.log() + ")",
                () -> Waiting.acceptsConnections(port));
        try (Admin admin = Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) ADMIN_TIMEOUT.toMillis(),
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) ADMIN_TIMEOUT.toMillis()))) {
            Waiting.until(deadline, process, "Kafka to answer admin requests (log: " + process.log() + ")",
                    () -> describesCluster(admin));
        }
    }

    private static boolean describesCluster(Admin admin) {
        try {
            return !admin.describeCluster().nodes().get(ADMIN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).isEmpty();
        } catch (ExecutionException | TimeoutException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for Kafka", e);
        }
    }
}
