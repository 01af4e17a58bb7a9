package dev.tandem.intake.request;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.testsupport.ApiClient;
import dev.tandem.testsupport.TandemIntegrationTest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** What a front-end developer finds at /v3/api-docs and in Swagger UI: every call, every answer, with examples. */
@TandemIntegrationTest
class ApiDescriptionIT {

    @LocalServerPort
    int port;

    JsonNode description() {
        var answer = ApiClient.local(port).get("/v3/api-docs");
        assertThat(answer.status()).isEqualTo(200);
        return answer.body();
    }

    @Test
    void everyOperationHasAnExampleForEveryAnswerWithABody() {
        JsonNode paths = description().get("paths");
        List<String> missing = new ArrayList<>();
        for (Map.Entry<String, JsonNode> path : paths.properties()) {
            for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
                for (Map.Entry<String, JsonNode> response : operation.getValue().get("responses").properties()) {
                    JsonNode content = response.getValue().get("content");
                    String where = operation.getKey().toUpperCase() + " " + path.getKey() + " " + response.getKey();
                    if (content == null) {
                        missing.add(where + " (no content)");
                        continue;
                    }
                    for (Map.Entry<String, JsonNode> media : content.properties()) {
                        if (!media.getValue().has("examples") && !media.getValue().has("example")) {
                            missing.add(where + " " + media.getKey());
                        }
                    }
                }
            }
        }
        assertThat(missing).isEmpty();
    }

    @Test
    void theSubmissionDescribesItsErrorsAndTheIdempotencyKey() {
        JsonNode submit = description().at("/paths/~1api~1requests/post");

        assertThat(submit.get("responses").propertyNames())
                .contains("201", "400", "401", "403", "409", "413", "415", "422", "429");
        assertThat(submit.get("parameters").valueStream().map(parameter -> parameter.get("name").asString()))
                .contains("Idempotency-Key");
        JsonNode body = submit.at("/requestBody/content/application~1json");
        assertThat(body.has("example") || body.has("examples")).as("an example body").isTrue();
        assertThat(description().at("/paths/~1api~1requests~1{id}/get/responses/404/content").isMissingNode())
                .isFalse();
    }

    @Test
    void theStatusPageAndEveryChangeOfARequestDescribeTheirAnswersWithExamples() {
        JsonNode paths = description().get("paths");

        for (String change : List.of("details", "withdraw", "reopen")) {
            JsonNode responses = paths.at("/~1api~1requests~1{id}~1" + change + "/post/responses");
            assertThat(responses.at("/200/description").asString()).as(change).isEqualTo("The updated status page");
            assertThat(responses.at("/200/content/application~1json/schema/$ref").asString()).as(change)
                    .endsWith("/RequestView");
            assertThat(responses.at("/404/content/application~1problem+json/example/status").asInt()).as(change)
                    .isEqualTo(404);
            assertThat(responses.at("/409/content/application~1problem+json/example/status").asInt()).as(change)
                    .isEqualTo(409);
        }
        JsonNode statusPage = paths.at("/~1api~1requests~1{id}/get/responses");
        assertThat(statusPage.at("/200/description").asString()).isEqualTo("The status page");
        assertThat(statusPage.has("409")).as("reading changes nothing, so nothing conflicts").isFalse();
    }

    @Test
    void theStatusPageNamesEveryKindOfTimelineStepAFrontEndMayMeet() {
        JsonNode kind = description().at("/components/schemas/Step/properties/kind");

        assertThat(kind.get("enum").valueStream().map(JsonNode::asString)).containsExactlyInAnyOrder(
                Arrays.stream(TimelineEntry.Kind.values()).map(Enum::name).toArray(String[]::new));
        assertThat(kind.get("description").asString()).contains("TRANSFERRED", "RELEASED");
    }

    @Test
    void callersAreToldToSendABearerToken() {
        assertThat(description().at("/components/securitySchemes/bearer-jwt/bearerFormat").asString())
                .isEqualTo("JWT");
    }
}
