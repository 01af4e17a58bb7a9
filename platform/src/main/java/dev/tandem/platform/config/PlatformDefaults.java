package dev.tandem.platform.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.DefaultPropertiesPropertySource;
import org.springframework.boot.env.OriginTrackedMapPropertySource;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;

/**
 * Adds {@code tandem-defaults.yaml} at the lowest precedence: the settings every service shares (Kafka keys and
 * acknowledgements, dead-letter topics, health groups), which a service's own {@code application.yaml}, the
 * environment, the command line and even an application's default properties
 * ({@code SpringApplication.setDefaultProperties}) still override.
 * <p>
 * Spring Boot keeps its {@code defaultProperties} source last, moving it there after the environment
 * post-processors ran, so a source of our own added last would end up above it. The shared settings are therefore
 * merged into {@code defaultProperties}, under whatever the application itself put there.
 */
public class PlatformDefaults implements EnvironmentPostProcessor {

    private static final String NAME = "tandem-defaults.yaml";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        Map<String, Object> merged = new LinkedHashMap<>();
        for (PropertySource<?> source : load()) {
            if (source.getSource() instanceof Map<?, ?> properties) {
                properties.forEach((name, value) -> merged.putIfAbsent(name.toString(), value));
            }
        }
        MutablePropertySources sources = environment.getPropertySources();
        if (sources.get(DefaultPropertiesPropertySource.NAME) instanceof MapPropertySource applicationDefaults) {
            merged.putAll(applicationDefaults.getSource());
            sources.replace(DefaultPropertiesPropertySource.NAME, defaults(merged));
        } else {
            sources.addLast(defaults(merged));
        }
    }

    // origin-tracked, as the YAML it came from: values read unwrapped, and errors name the file and line
    private static PropertySource<?> defaults(Map<String, Object> properties) {
        return new OriginTrackedMapPropertySource(DefaultPropertiesPropertySource.NAME, properties);
    }

    private static Iterable<PropertySource<?>> load() {
        try {
            return new YamlPropertySourceLoader().load(NAME, new ClassPathResource(NAME));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
