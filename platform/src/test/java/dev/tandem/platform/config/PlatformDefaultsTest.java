package dev.tandem.platform.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.DefaultPropertiesPropertySource;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

class PlatformDefaultsTest {

    private static final String ATTEMPTS = "spring.cloud.stream.default.consumer.max-attempts";
    private static final String PARTITIONS = "spring.cloud.stream.kafka.binder.min-partition-count";

    private final StandardEnvironment environment = new StandardEnvironment();

    @Test
    void sharedSettingsApplyWhereNothingElseSetsThem() {
        apply();

        assertThat(environment.getProperty(ATTEMPTS)).isEqualTo("3");
        assertThat(environment.getProperty("spring.cloud.stream.kafka.binder.required-acks")).isEqualTo("all");
    }

    @Test
    void anApplicationsDefaultPropertiesOverrideThem() {
        environment.getPropertySources().addLast(new DefaultPropertiesPropertySource(Map.of(ATTEMPTS, "5")));

        apply();

        assertThat(environment.getProperty(ATTEMPTS)).isEqualTo("5");
        assertThat(environment.getProperty(PARTITIONS)).isEqualTo("3");
    }

    @Test
    void everyOtherSourceOverridesThem() {
        environment.getPropertySources().addFirst(new MapPropertySource("command line", Map.of(PARTITIONS, "6")));

        apply();

        assertThat(environment.getProperty(PARTITIONS)).isEqualTo("6");
        assertThat(environment.getProperty(ATTEMPTS)).isEqualTo("3");
    }

    @Test
    void tandemsOwnSettingsAreLeftToTheDefaultsOfTheirRecords() {
        apply();

        var shared = (EnumerablePropertySource<?>) environment.getPropertySources()
                .get(DefaultPropertiesPropertySource.NAME);
        assertThat(shared.getPropertyNames()).isNotEmpty().noneMatch(name -> name.startsWith("tandem."));
    }

    // as Spring Boot does: the post-processors run, then defaultProperties is moved to the end
    private void apply() {
        new PlatformDefaults().postProcessEnvironment(environment, new SpringApplication());
        DefaultPropertiesPropertySource.moveToEnd(environment);
    }
}
