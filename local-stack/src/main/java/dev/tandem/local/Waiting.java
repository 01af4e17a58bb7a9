package dev.tandem.local;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** Polling for something that child processes bring up by themselves, failing early when one of them dies. */
final class Waiting {

    private static final Duration POLL_INTERVAL = Duration.ofMillis(250);
    private static final int CONNECT_TIMEOUT_MS = 500;

    private Waiting() {
    }

    static void until(Instant deadline, ChildProcess process, String what, BooleanSupplier condition) {
        until(deadline, List.of(process), () -> what, condition);
    }

    /**
     * Polls {@code condition} until it holds.
     *
     * @param processes the processes that must stay alive meanwhile
     * @param what      what is awaited, for the timeout's message; asked only on timeout
     */
    static void until(Instant deadline, Collection<ChildProcess> processes, Supplier<String> what, BooleanSupplier condition) {
        while (!condition.getAsBoolean()) {
            for (ChildProcess process : processes) {
                if (!process.isAlive()) {
                    throw process.exitedEarly();
                }
            }
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("Timed out waiting for " + what.get());
            }
            sleep();
        }
    }

    static boolean acceptsConnections(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(Endpoints.HOST, port), CONNECT_TIMEOUT_MS);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(POLL_INTERVAL);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting", e);
        }
    }
}
