package dev.tandem.platform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.testsupport.ApiClient;
import dev.tandem.testsupport.TandemIntegrationTest;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

@TandemIntegrationTest
class ApiDocsIT {

    @LocalServerPort
    int port;

    @Test
    void everyServiceDescribesItsApiWithOpenApiAndSwaggerUi() {
        var api = ApiClient.local(port);

        var description = api.get("/v3/api-docs");
        assertThat(description.status()).isEqualTo(200);
        assertThat(description.text("/openapi")).startsWith("3.");

        var ui = api.get("/swagger-ui/index.html", Map.of("Accept", "text/html"));
        assertThat(ui.status()).isEqualTo(200);
    }
}
