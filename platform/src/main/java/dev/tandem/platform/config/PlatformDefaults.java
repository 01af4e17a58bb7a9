package dev.tandem.platform.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;

/**
 * Adds {@code tandem-defaults.yaml} as the lowest-precedence property source: the settings every service
 * shares (Kafka keys and acknowledgements, dead-letter topics, health groups), which any service's own
 * {@code application.yaml} or the environment can still override.
 */
public class PlatformDefaults implements EnvironmentPostProcessor {

    private static final String NAME = "tandem-defaults.yaml";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        try {
            for (PropertySource<?> source : new YamlPropertySourceLoader().load(NAME, new ClassPathResource(NAME))) {
                environment.getPropertySources().addLast(source);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
