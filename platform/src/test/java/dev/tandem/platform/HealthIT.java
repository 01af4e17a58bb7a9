package dev.tandem.platform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.testsupport.ApiClient;
import dev.tandem.testsupport.TandemIntegrationTest;
import dev.tandem.testsupport.Tokens;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

@TandemIntegrationTest
class HealthIT {

    @LocalServerPort
    int port;

    @Test
    void readinessReflectsTheStoreAndTheBroker() {
        var readiness = ApiClient.local(port).as(Tokens.operator()).get("/actuator/health/readiness");

        assertThat(readiness.status()).isEqualTo(200);
        assertThat(readiness.text("/status")).isEqualTo("UP");
        assertThat(readiness.text("/components/store/status")).isEqualTo("UP");
        assertThat(readiness.text("/components/binders/status")).isEqualTo("UP");
    }

    @Test
    void theOverallStatusIsUpWithTheStoreCheckedByPing() {
        var health = ApiClient.local(port).as(Tokens.operator()).get("/actuator/health");

        assertThat(health.status()).isEqualTo(200);
        assertThat(health.text("/status")).isEqualTo("UP");
        assertThat(health.text("/components/store/status")).isEqualTo("UP");
        // Boot's own MongoDB indicator asks 'hello', which the local store does not answer
        assertThat(health.body().get("components").has("mongo")).isFalse();
        assertThat(ApiClient.local(port).get("/actuator/health").status()).isEqualTo(200);
    }

    @Test
    void livenessIsUp() {
        var liveness = ApiClient.local(port).get("/actuator/health/liveness");

        assertThat(liveness.status()).isEqualTo(200);
        assertThat(liveness.text("/status")).isEqualTo("UP");
    }

    @Test
    void metricsAreExposedForPrometheusIncludingTheOutbox() {
        var scrape = ApiClient.local(port).get("/actuator/prometheus", java.util.Map.of("Accept", "text/plain"));

        assertThat(scrape.status()).isEqualTo(200);
        assertThat(scrape.body().asString()).contains("tandem_outbox_published_total");
    }

    @Test
    void anUnknownPathIsAProblemDetail() {
        var problem = ApiClient.local(port).get("/api/nothing-here");

        assertThat(problem.status()).isEqualTo(401);
        assertThat(problem.header("Content-Type")).startsWith("application/problem+json");
    }
}
