package dev.tandem.local;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;

/** The Tandem services, each in a JVM of its own, started together and stopped together. */
final class Services implements AutoCloseable {

    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(2);

    private final Map<ServiceLaunch, ChildProcess> processes;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(REQUEST_TIMEOUT).build();

    private Services(Map<ServiceLaunch, ChildProcess> processes) {
        this.processes = processes;
    }

    /** Fails before anything starts when a service has not been built, naming what is missing and how to build it. */
    static void requireJars(Path repoRoot, List<ServiceLaunch> launches) {
        List<String> missing = launches.stream()
                .map(launch -> launch.jar(repoRoot))
                .filter(Files::notExists)
                .map(jar -> repoRoot.relativize(jar).toString())
                .toList();
        if (!missing.isEmpty()) {
            throw new IllegalStateException("Missing service jar(s): " + String.join(", ", missing)
                    + ". Build them in " + repoRoot + " with: " + ServiceLaunch.BUILD_COMMAND);
        }
    }

    /** Starts every service at once, so that their start-ups overlap; readiness is awaited separately. */
    static Services start(Path repoRoot, DataDir data, List<ServiceLaunch> launches) {
        Services services = new Services(new LinkedHashMap<>());
        try {
            for (ServiceLaunch launch : launches) {
                services.processes.put(launch, ChildProcess.startJava(
                        launch.name(), launch.javaArguments(repoRoot), data.freshLog(launch.name())));
            }
        } catch (RuntimeException e) {
            services.close();
            throw e;
        }
        return services;
    }

    /** Waits until each service reports itself ready, failing as soon as one of them exits. */
    void awaitReady(Instant deadline) {
        List<ServiceLaunch> pending = new ArrayList<>(processes.keySet());
        Waiting.until(deadline, processes.values(),
                () -> pending.stream()
                        .map(launch -> launch.name() + " (log: " + processes.get(launch).log() + ")")
                        .collect(Collectors.joining(", ")) + " to be ready",
                () -> {
                    pending.removeIf(this::isReady);
                    return pending.isEmpty();
                });
    }

    List<ChildProcess> processes() {
        return List.copyOf(processes.values());
    }

    /** Stops all services at the same time, each with its own grace period. */
    @Override
    public void close() {
        try (ExecutorService stopping = Executors.newVirtualThreadPerTaskExecutor()) {
            processes.values().forEach(process -> stopping.submit(process::stop));
        }
        http.close();
    }

    private boolean isReady(ServiceLaunch launch) {
        HttpRequest request = HttpRequest.newBuilder(launch.readinessUri()).timeout(REQUEST_TIMEOUT).GET().build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for " + launch.name(), e);
        }
    }
}
