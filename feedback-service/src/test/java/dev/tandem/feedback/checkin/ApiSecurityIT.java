package dev.tandem.feedback.checkin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.contracts.EventMetadata;
import dev.tandem.contracts.routing.RequestResolved;
import dev.tandem.testsupport.ApiClient;
import dev.tandem.testsupport.RefusesForgedTokens;
import dev.tandem.testsupport.TandemIntegrationTest;
import dev.tandem.testsupport.Tokens;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Who may call the feedback API: anyone with a check-in link, through that link's signed token alone and without
 * a login; an agent for their own CSAT, a supervisor for anyone's. Every rejection here fails its test if it stops
 * happening.
 */
@TandemIntegrationTest
class ApiSecurityIT implements RefusesForgedTokens {

    @LocalServerPort
    int port;
    @Autowired
    CheckIns checkIns;
    @Autowired
    CheckInLinks links;

    private final HttpClient browser = HttpClient.newHttpClient();
    private ApiClient api;
    private String agentId;

    @BeforeEach
    void setUp() {
        api = ApiClient.local(port);
        agentId = "agent-" + UUID.randomUUID();
    }

    @Test
    void aCheckInIsReadAndAnsweredOnceWithoutALogin() {
        String token = issueCheckIn();

        var read = api.get("/api/check-ins/" + token);
        var answered = api.post("/api/check-ins/" + token, Map.of("csat", 5));
        var again = api.post("/api/check-ins/" + token, Map.of("csat", 1));

        assertThat(read.status()).isEqualTo(200);
        assertThat(read.text("/status")).isEqualTo("ISSUED");
        assertThat(answered.status()).isEqualTo(201);
        assertThat(again.status()).as("the link takes one answer").isEqualTo(409);
    }

    @Test
    void theCheckInPageIsShownAndAnsweredWithoutALogin() throws Exception {
        String token = issueCheckIn();

        HttpResponse<String> form = browse(token, null);
        HttpResponse<String> thanks = browse(token, "csat=4");
        HttpResponse<String> again = browse(token, "csat=1");

        assertThat(form.statusCode()).isEqualTo(200);
        assertThat(form.body()).contains("How did we do?");
        assertThat(thanks.statusCode()).isEqualTo(200);
        assertThat(again.statusCode()).isEqualTo(409);
    }

    @Test
    void aWrongCheckInTokenIsStillNotFoundNotAnAuthenticationProblem() throws Exception {
        String token = issueCheckIn();
        String tampered = token.substring(0, token.length() - 1) + (token.endsWith("A") ? 'B' : 'A');

        assertThat(api.get("/api/check-ins/" + tampered).status()).isEqualTo(404);
        assertThat(api.post("/api/check-ins/" + tampered, Map.of("csat", 5)).status()).isEqualTo(404);
        assertThat(browse(tampered, null).statusCode()).isEqualTo(404);
        assertThat(browse(tampered, "csat=5").statusCode()).isEqualTo(404);
        assertThat(api.get("/api/check-ins/" + token).text("/status")).isEqualTo("ISSUED");
    }

    @Test
    void csatWantsABearerToken() {
        assertThat(api.get("/api/agents/" + agentId + "/csat")).isUnauthorized();
    }

    @Override
    public ApiClient.Response protectedCall(String token) {
        return api.as(token).get("/api/agents/" + agentId + "/csat");
    }

    @Test
    void anAgentReadsTheirOwnCsatAndASupervisorAnyones() {
        String csat = "/api/agents/" + agentId + "/csat";

        assertThat(api.as(Tokens.customer(agentId)).get(csat)).isForbidden();
        assertThat(api.as(Tokens.agent("agent-" + UUID.randomUUID(), "Alan")).get(csat).status()).isEqualTo(403);
        assertThat(api.as(Tokens.operator()).get(csat).status()).isEqualTo(403);

        assertThat(api.as(Tokens.agent(agentId, "Grace")).get(csat).status()).isEqualTo(200);
        assertThat(api.as(Tokens.supervisor()).get(csat).text("/agentId")).isEqualTo(agentId);
    }

    @Test
    void theApiDescriptionAsksNoBearerTokenForCheckInsButDoesForCsat() {
        var description = api.get("/v3/api-docs");

        assertThat(description.status()).isEqualTo(200);
        assertThat(description.body().at("/security/0").has("bearer-jwt")).isTrue();
        for (String operation : new String[] {"~1api~1check-ins~1{token}/get",
                "~1api~1check-ins~1{token}/post", "~1check-ins~1{token}/get", "~1check-ins~1{token}/post"}) {
            var security = description.body().at("/paths/" + operation + "/security");
            assertThat(security.isArray()).as(operation).isTrue();
            assertThat(security.isEmpty()).as(operation).isTrue();
        }
        assertThat(description.body().at("/paths/~1api~1agents~1{agentId}~1csat/get/security").isMissingNode())
                .as("CSAT keeps the API's bearer token requirement").isTrue();
    }

    private String issueCheckIn() {
        RequestResolved resolved = new RequestResolved(EventMetadata.of(UUID.randomUUID().toString(),
                "corr-" + UUID.randomUUID(), Instant.now()), agentId, "Grace", "Refunded the second charge.");
        checkIns.issueAfter(resolved);
        return links.tokenFor(CheckIn.idFor(resolved));
    }

    /** Opens the check-in page, or with a form posts it; no Authorization header, as from a browser. */
    private HttpResponse<String> browse(String token, String form) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/check-ins/"
                + token)).header("Accept", "text/html");
        if (form != null) {
            request.header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form));
        }
        return browser.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
