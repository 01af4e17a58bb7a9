package dev.tandem.local;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** A JVM the stack started, writing its output to a log file. */
final class ChildProcess {

    private static final Logger logger = LoggerFactory.getLogger(ChildProcess.class);

    private static final Duration STOP_GRACE = Duration.ofSeconds(10);
    private static final int TAIL_LINES = 40;

    /*
     * A terminal's Ctrl-C signals the whole foreground process group. Children in a session of their own are left
     * to the launcher, which stops them in order: services before the broker they talk to.
     */
    private static final Optional<Path> SETSID = Stream.of("/usr/bin/setsid", "/bin/setsid")
            .map(Path::of)
            .filter(Files::isExecutable)
            .findFirst();

    private final String name;
    private final Path log;
    private final Process process;
    private volatile boolean stopping;

    private ChildProcess(String name, Path log, Process process) {
        this.name = name;
        this.log = log;
        this.process = process;
    }

    /** Starts {@code java} (the launcher's own) with the given arguments, appending its output to {@code log}. */
    static ChildProcess startJava(String name, List<String> arguments, Path log) {
        List<String> command = new ArrayList<>();
        SETSID.ifPresent(setsid -> command.add(setsid.toString()));
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(arguments);
        try {
            Files.createDirectories(log.getParent());
            Process process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .start();
            return new ChildProcess(name, log, process);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start " + name, e);
        }
    }

    Path log() {
        return log;
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** Waits for a process that is meant to finish by itself, such as a one-off tool, and checks it succeeded. */
    void awaitSuccess(Duration timeout) {
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                stop();
                throw new IllegalStateException(name + " did not finish within " + timeout.toSeconds() + " s" + logTail());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stop();
            throw new IllegalStateException("Interrupted while waiting for " + name, e);
        }
        if (process.exitValue() != 0) {
            throw new IllegalStateException(name + " failed with exit code " + process.exitValue() + logTail());
        }
    }

    /** The failure to report when the process ended while it was expected to come up. */
    IllegalStateException exitedEarly() {
        return new IllegalStateException(name + " exited with code " + process.exitValue() + " before it was ready" + logTail());
    }

    /** Once the process is up: says so in the launcher's output if it ever ends without being stopped. */
    void reportUnexpectedExit() {
        process.onExit().thenRun(() -> {
            if (!stopping) {
                logger.warn("{} stopped unexpectedly with exit code {}{}", name, process.exitValue(), logTail());
            }
        });
    }

    /** Asks the process to shut down, and kills it if it hasn't within a grace period. */
    void stop() {
        stopping = true;
        process.destroy();
        try {
            if (!process.waitFor(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
                kill();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    /** Ends the process at once (SIGKILL), as a crash would: it runs no shutdown hooks and writes nothing more. */
    void kill() throws InterruptedException {
        stopping = true;
        process.destroyForcibly().waitFor();
    }

    /** The end of the log, so the person reading an error sees why without opening the file. */
    String logTail() {
        try {
            // decoding through String replaces malformed bytes instead of failing on them
            List<String> all = new String(Files.readAllBytes(log), StandardCharsets.UTF_8).lines().toList();
            List<String> tail = all.subList(Math.max(0, all.size() - TAIL_LINES), all.size());
            return "; last lines of " + log + ":\n" + String.join("\n", tail);
        } catch (IOException e) {
            return "; see " + log;
        }
    }
}
