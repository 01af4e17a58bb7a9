package dev.tandem.intake.request;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.testsupport.ApiClient;
import dev.tandem.testsupport.TandemIntegrationTest;
import dev.tandem.testsupport.Tokens;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Who may see and change which request: object- and function-level authorization of the intake API. */
@TandemIntegrationTest
class RequestAccessIT {

    @LocalServerPort
    int port;

    final String adaId = "ada-" + UUID.randomUUID();

    ApiClient api() {
        return ApiClient.local(port);
    }

    String adasRequest() {
        var created = api().as(Tokens.customer(adaId)).post("/api/requests",
                CustomerOperationsIT.REQUEST.formatted("Charged twice"));
        assertThat(created.status()).isEqualTo(201);
        return created.text("/id");
    }

    @Test
    void anotherCustomersRequestIsNotFoundWhateverTheyTry() {
        String id = adasRequest();
        var mallory = api().as(Tokens.customer("mallory"));

        for (var answer : new ApiClient.Response[] {
                mallory.get("/api/requests/" + id),
                mallory.post("/api/requests/" + id + "/details", Map.of("text", "hello")),
                mallory.post("/api/requests/" + id + "/withdraw", Map.of()),
                mallory.post("/api/requests/" + id + "/reopen", Map.of("reason", "because"))}) {
            assertThat(answer.status()).isEqualTo(404);
            assertThat(answer.text("/detail")).isEqualTo("No request with id " + id);
            assertThat(answer.body().toString()).doesNotContain("Charged twice");
        }
        assertThat(mallory.get("/api/requests").body().get("totalItems").asLong()).isZero();
        assertThat(api().as(Tokens.customer(adaId)).get("/api/requests/" + id).text("/status")).isNotEqualTo("WITHDRAWN");
    }

    @Test
    void agentsAndSupervisorsReadAnyStatusPageButDoNotActForTheCustomer() {
        String id = adasRequest();

        assertThat(api().as(Tokens.agent("agent-1", "Grace")).get("/api/requests/" + id).status()).isEqualTo(200);
        assertThat(api().as(Tokens.supervisor()).get("/api/requests/" + id).status()).isEqualTo(200);
        assertThat(api().as(Tokens.agent("agent-1", "Grace")).post("/api/requests/" + id + "/withdraw", Map.of())
                .status()).isEqualTo(403);
        assertThat(api().as(Tokens.supervisor()).post("/api/requests",
                CustomerOperationsIT.REQUEST.formatted("On behalf")).status()).isEqualTo(403);
        assertThat(api().as(Tokens.operator()).get("/api/requests/" + id).status()).isEqualTo(403);
    }

    @Test
    void withoutAValidTokenNothingIsAnsweredButThe401() {
        String id = adasRequest();

        assertThat(api().get("/api/requests/" + id).status()).isEqualTo(401);
        assertThat(api().post("/api/requests", CustomerOperationsIT.REQUEST.formatted("x")).status()).isEqualTo(401);
        assertThat(api().as(Tokens.expired("customer")).get("/api/requests").status()).isEqualTo(401);
        assertThat(api().as(Tokens.unsigned("customer")).get("/api/requests").status()).isEqualTo(401);
        assertThat(api().as(Tokens.badSignature()).get("/api/requests/" + id).status()).isEqualTo(401);
    }
}
