package dev.tandem.platform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.testsupport.ApiClient;
import dev.tandem.testsupport.Tokens;
import java.util.UUID;
import dev.tandem.testsupport.TandemIntegrationTest;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/** Each client may keep up half a request a second here, two at once: low enough to exceed in a test. */
@TandemIntegrationTest
@TestPropertySource(properties = {
        "tandem.api.rate-limit.requests-per-second=0.5",
        "tandem.api.rate-limit.burst=2",
        "spring.cloud.function.definition="})
class RateLimitIT {

    @LocalServerPort
    int port;

    private ApiClient api;

    @BeforeEach
    void setUp() {
        api = ApiClient.local(port).as(Tokens.customer("rate-" + UUID.randomUUID()));
    }

    @Test
    void aClientOverItsLimitIsToldWhenToComeBack() {
        var refused = exhaust();

        assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
        assertThat(refused.text("/title")).isEqualTo("Too many requests");
        assertThat(Integer.parseInt(refused.header("Retry-After"))).isBetween(1, 2);
        assertThat(refused.text("/detail")).startsWith("Too many requests from this client; try again in ");
    }

    @Test
    void healthMetricsAndApiDescriptionsAreNeverLimited() {
        exhaust();

        for (int i = 0; i < 5; i++) {
            assertThat(api.get("/actuator/health/liveness").status()).isEqualTo(200);
            assertThat(api.get("/v3/api-docs").status()).isEqualTo(200);
        }
        var scrape = api.get("/actuator/prometheus", Map.of("Accept", "text/plain"));
        assertThat(scrape.status()).isEqualTo(200);
        assertThat(scrape.body().asString()).containsPattern("tandem_api_rate_limited_total\\{client=\"principal\"[^}]*} [1-9]");
    }

    /** Calls until the limit answers, as a client that ignores it would. */
    private ApiClient.Response exhaust() {
        for (int i = 0; i < 10; i++) {
            var response = api.get("/api/me");
            if (response.status() == 429) {
                return response;
            }
            assertThat(response.status()).isEqualTo(200);
        }
        throw new AssertionError("ten calls in a row were never limited");
    }
}
