package dev.tandem.routing.assignment;

import dev.tandem.contracts.Topics;
import dev.tandem.routing.RoutingServiceApplication;
import dev.tandem.testsupport.ApiClient;
import dev.tandem.testsupport.RealInfrastructureInitializer;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Instances of the service on one database and in one consumer group, as when it is scaled out: each a Spring
 * application context of its own, with its own picture of agents and lines, its own sweep and its own HTTP port.
 * Any number picks an instance, counting round, so that a test spreads its calls with {@code desk(i)}.
 */
final class RoutingInstances implements AutoCloseable {

    private final List<ConfigurableApplicationContext> contexts = new ArrayList<>();
    private final List<RoutingDesk> desks = new ArrayList<>();

    /**
     * Starts the instances one after the other.
     *
     * @param name        names the consumer group and the database, which no other test class shares
     * @param intakeTopic where the instances read intake's events from: {@link Topics#INTAKE_REQUESTS}, which every
     *                    routing context of the test JVM reads, each in a consumer group of its own, or a topic of
     *                    their own
     * @param settings    command-line arguments, so that they win over application.yaml
     */
    RoutingInstances(int count, String name, String intakeTopic, String... settings) {
        String database = name + "-" + UUID.randomUUID().toString().substring(0, 8);
        List<String> arguments = new ArrayList<>(List.of("--server.port=0",
                "--spring.cloud.stream.default.group=" + name + "-it",
                "--spring.cloud.stream.bindings.intakeEvents-in-0.destination=" + intakeTopic));
        arguments.addAll(List.of(settings));
        for (int i = 0; i < count; i++) {
            ConfigurableApplicationContext context = new SpringApplicationBuilder(RoutingServiceApplication.class)
                    .initializers(new RealInfrastructureInitializer(database))
                    .run(arguments.toArray(String[]::new));
            contexts.add(context);
            desks.add(new RoutingDesk(ApiClient.local(Integer.parseInt(
                    context.getEnvironment().getProperty("local.server.port"))), intakeTopic));
        }
    }

    ConfigurableApplicationContext get(int i) {
        return contexts.get(Math.floorMod(i, contexts.size()));
    }

    <T> T bean(int i, Class<T> type) {
        return get(i).getBean(type);
    }

    List<ConfigurableApplicationContext> all() {
        return List.copyOf(contexts);
    }

    int size() {
        return contexts.size();
    }

    /** Routing as its users reach it through this instance. */
    RoutingDesk desk(int i) {
        return desks.get(Math.floorMod(i, desks.size()));
    }

    @Override
    public void close() {
        contexts.forEach(ConfigurableApplicationContext::close);
    }
}
