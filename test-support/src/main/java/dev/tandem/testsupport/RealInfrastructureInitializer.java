package dev.tandem.testsupport;

import java.util.Map;
import java.util.UUID;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Points a Spring context at {@link RealInfrastructure}: the shared broker, and a fresh database of its own
 * so that test classes never see each other's data.
 */
public class RealInfrastructureInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    private final String database;

    /** Each context gets a database of its own. */
    public RealInfrastructureInitializer() {
        this(null);
    }

    /** Contexts started with the same database share it, as one service's instances or its restarts do. */
    public RealInfrastructureInitializer(String database) {
        this.database = database;
    }

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        RealInfrastructure infrastructure = RealInfrastructure.get();
        String application = context.getEnvironment().getProperty("spring.application.name", "tandem");
        String database = this.database != null ? this.database
                : application + "-" + UUID.randomUUID().toString().substring(0, 8);
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("realInfrastructure", Map.of(
                "spring.cloud.stream.kafka.binder.brokers", infrastructure.kafkaBootstrapServers(),
                "spring.mongodb.uri", infrastructure.mongoUri(database),
                "spring.security.oauth2.resourceserver.jwt.issuer-uri", infrastructure.issuer().issuer(),
                "spring.security.oauth2.resourceserver.jwt.jwk-set-uri", infrastructure.issuer().jwkSetUri())));
    }
}
