package dev.tandem.routing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.testsupport.ApiClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** What a console developer finds at /v3/api-docs for routing's agent changes, queues and explanations. */
@SharedRoutingContext
class RoutingApiDescriptionIT {

    @LocalServerPort
    int port;

    @Test
    void theAgentChangesQueuesStatisticsHandoffsAndExplanationsHaveAnExampleForEveryAnswerWithABody() {
        JsonNode paths = ApiClient.local(port).get("/v3/api-docs").body().get("paths");
        List<String> missing = new ArrayList<>();
        Map<String, String> operations = Map.of(
                "/api/agents/{id}", "patch",
                "/api/queues", "get",
                "/api/queues/{name}", "get",
                "/api/queues/{name}/statistics", "get",
                "/api/requests/{requestId}/handoffs", "post",
                "/api/requests/{requestId}/routing", "get");
        operations.forEach((path, method) -> {
            JsonNode operation = paths.path(path).path(method);
            assertThat(operation.isMissingNode()).as(method + " " + path).isFalse();
            for (Map.Entry<String, JsonNode> response : operation.get("responses").properties()) {
                JsonNode content = response.getValue().get("content");
                for (Map.Entry<String, JsonNode> media : content == null ? List.<Map.Entry<String, JsonNode>>of()
                        : content.properties()) {
                    if (!media.getValue().has("examples") && !media.getValue().has("example")) {
                        missing.add(method + " " + path + " " + response.getKey() + " " + media.getKey());
                    }
                }
            }
        });
        assertThat(missing).isEmpty();
        assertThat(paths.at("/~1api~1agents~1{id}/patch/responses").propertyNames()).contains("200", "400", "404",
                "409");
        assertThat(paths.at("/~1api~1agents~1{id}/patch/requestBody/content").has("application/merge-patch+json"))
                .isTrue();
        assertThat(paths.at("/~1api~1requests~1{requestId}~1handoffs/post/responses").propertyNames())
                .contains("202", "400", "409");
    }
}
