package dev.tandem.platform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.testsupport.ApiClient;
import dev.tandem.testsupport.RefusesForgedTokens;
import dev.tandem.testsupport.TandemIntegrationTest;
import dev.tandem.testsupport.Tokens;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The security model every Tandem API shares, over a real socket with tokens from a real issuer's key set. */
@TandemIntegrationTest
class SecurityIT implements RefusesForgedTokens {

    @LocalServerPort
    int port;

    ApiClient api() {
        return ApiClient.local(port);
    }

    @Test
    void aCallWithoutATokenIs401WithTheBearerChallengeAsAProblem() {
        var answer = api().get("/api/queues");

        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.header("WWW-Authenticate")).startsWith("Bearer");
        assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
        assertThat(answer.text("/detail")).contains("bearer token");
    }

    @Override
    public ApiClient.Response protectedCall(String token) {
        return api().as(token).get("/api/queues");
    }

    @Test
    void aGoodTokenPassesAndNamesTheCaller() {
        var me = api().as(Tokens.agent("agent-7", "Grace Hopper")).get("/api/me");

        assertThat(me.status()).isEqualTo(200);
        assertThat(me.text("/subject")).isEqualTo("agent-7");
        assertThat(me.text("/name")).isEqualTo("Grace Hopper");
        assertThat(me.body().get("roles").valueStream().map(role -> role.asString())).containsExactly("agent");
    }

    @Test
    void aCustomerOnAStaffEndpointIs403() {
        assertThat(api().as(Tokens.customer("ada")).get("/api/queues")).isForbidden();
    }

    @Test
    void anAgentActsForThemselvesOnlyAndASupervisorForAnyone() {
        assertThat(api().as(Tokens.agent("agent-7", "Grace")).get("/api/agents/agent-7/desk").status()).isEqualTo(200);
        assertThat(api().as(Tokens.agent("agent-7", "Grace")).get("/api/agents/agent-8/desk").status()).isEqualTo(403);
        assertThat(api().as(Tokens.customer("agent-8")).get("/api/agents/agent-8/desk").status()).isEqualTo(403);
        assertThat(api().as(Tokens.supervisor()).get("/api/agents/agent-8/desk").status()).isEqualTo(200);
    }

    @Test
    void anEndpointNoRuleMentionsIsDeniedEvenToASupervisor() {
        assertThat(api().as(Tokens.supervisor()).get("/api/nothing-here").status()).isEqualTo(403);
        assertThat(api().get("/api/nothing-here").status()).isEqualTo(401);
    }

    @Test
    void healthAndApiDocsAreOpenButOtherManagementEndpointsAreForOperators() {
        assertThat(api().get("/actuator/health/readiness").status()).isEqualTo(200);
        assertThat(api().get("/v3/api-docs").status()).isEqualTo(200);
        assertThat(api().get("/actuator/metrics").status()).isEqualTo(401);
        assertThat(api().as(Tokens.supervisor()).get("/actuator/metrics").status()).isEqualTo(403);
        assertThat(api().as(Tokens.operator()).get("/actuator/metrics").status()).isEqualTo(200);
    }

    @Test
    void theApiDescriptionTellsCallersToSendABearerToken() {
        var description = api().get("/v3/api-docs");

        assertThat(description.text("/components/securitySchemes/bearer-jwt/scheme")).isEqualTo("bearer");
        assertThat(description.body().at("/security/0").has("bearer-jwt")).isTrue();
        assertThat(description.body().at("/paths/~1api~1me/get/parameters").isMissingNode())
                .as("the caller comes from the token, not from a parameter").isTrue();
    }

    @Test
    void healthDetailsAreForOperators() {
        assertThat(api().get("/actuator/health").body().has("components")).isFalse();
        assertThat(api().as(Tokens.operator()).get("/actuator/health", Map.of()).body().has("components")).isTrue();
    }
}
