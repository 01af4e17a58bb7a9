package dev.tandem.platform.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.DefaultPropertiesPropertySource;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

class PlatformDefaultsTest {

    private final StandardEnvironment environment = new StandardEnvironment();

    @Test
    void sharedSettingsApplyWhereNothingElseSetsThem() {
        apply();

        assertThat(environment.getProperty("tandem.outbox.sweep-interval")).isEqualTo("1m");
        assertThat(environment.getProperty("spring.cloud.stream.kafka.binder.required-acks")).isEqualTo("all");
    }

    @Test
    void anApplicationsDefaultPropertiesOverrideThem() {
        environment.getPropertySources().addLast(new DefaultPropertiesPropertySource(
                Map.of("tandem.outbox.sweep-interval", "200ms")));

        apply();

        assertThat(environment.getProperty("tandem.outbox.sweep-interval")).isEqualTo("200ms");
        assertThat(environment.getProperty("tandem.outbox.hand-over-interval")).isEqualTo("200ms");
    }

    @Test
    void everyOtherSourceOverridesThem() {
        environment.getPropertySources().addFirst(new MapPropertySource("command line",
                Map.of("tandem.outbox.publishers", "4")));

        apply();

        assertThat(environment.getProperty("tandem.outbox.publishers")).isEqualTo("4");
        assertThat(environment.getProperty("tandem.outbox.batch-size")).isEqualTo("100");
    }

    // as Spring Boot does: the post-processors run, then defaultProperties is moved to the end
    private void apply() {
        new PlatformDefaults().postProcessEnvironment(environment, new SpringApplication());
        DefaultPropertiesPropertySource.moveToEnd(environment);
    }
}
