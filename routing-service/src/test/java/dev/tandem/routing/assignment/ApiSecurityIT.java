package dev.tandem.routing.assignment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.routing.SharedRoutingContext;
import dev.tandem.testsupport.ApiClient;
import dev.tandem.testsupport.RefusesForgedTokens;
import dev.tandem.testsupport.Tokens;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Who may call the routing API: supervisors register and list agents, an agent acts for themselves only, a
 * supervisor for anyone, and customers not at all. Every rejection here fails its test if it stops happening.
 */
@SharedRoutingContext
class ApiSecurityIT extends AbstractDeskIT implements RefusesForgedTokens {

    private static final String AGENT = "some-agent";
    private static final String REQUEST = "some-request";

    /** One call of each endpoint, whatever the outcome for a caller who may make it. */
    static Stream<Arguments> endpoints() {
        return Stream.of(
                call("POST /api/agents", client -> client.post("/api/agents", Map.of("name", "Eve",
                        "skills", List.of("billing"), "languages", List.of("en"), "capacity", 1))),
                call("GET /api/agents", client -> client.get("/api/agents")),
                call("GET /api/agents/{agentId}", client -> client.get("/api/agents/" + AGENT)),
                call("PATCH /api/agents/{agentId}", client -> client.patch("/api/agents/" + AGENT,
                        Map.of("tier", 2))),
                call("GET /api/queues", client -> client.get("/api/queues")),
                call("GET /api/queues/{name}", client -> client.get("/api/queues/billing")),
                call("GET /api/queues/{name}/statistics", client -> client.get("/api/queues/billing/statistics")),
                call("GET /api/requests/{requestId}/routing", client -> client.get("/api/requests/" + REQUEST
                        + "/routing")),
                call("PUT /api/agents/{agentId}/presence", client -> client.put("/api/agents/" + AGENT + "/presence",
                        Map.of("presence", "AVAILABLE"))),
                call("GET /api/agents/{agentId}/offers", client -> client.get("/api/agents/" + AGENT + "/offers")),
                call("POST .../offers/{requestId}/accept", client -> client.post("/api/agents/" + AGENT + "/offers/"
                        + REQUEST + "/accept", "")),
                call("POST .../offers/{requestId}/decline", client -> client.post("/api/agents/" + AGENT + "/offers/"
                        + REQUEST + "/decline", "")),
                call("GET /api/requests/{requestId}", client -> client.get("/api/requests/" + REQUEST)),
                call("POST /api/requests/{requestId}/resolve", client -> client.post("/api/requests/" + REQUEST
                        + "/resolve", Map.of("summary", "Done."))),
                call("POST /api/requests/{requestId}/promise", client -> client.post("/api/requests/" + REQUEST
                        + "/promise", Map.of("nextUpdateBy", Instant.now().plusSeconds(3600).toString()))),
                call("POST /api/requests/{requestId}/handoffs", client -> client.post("/api/requests/" + REQUEST
                        + "/handoffs", Map.of("to", Map.of("tier", 3), "summary", "Needs a senior."))));
    }

    private static Arguments call(String name, Function<ApiClient, ApiClient.Response> call) {
        return Arguments.of(name, call);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("endpoints")
    void everyEndpointWantsABearerToken(String endpoint, Function<ApiClient, ApiClient.Response> call) {
        assertThat(call.apply(api)).isUnauthorized();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("endpoints")
    void aCustomerIsForbiddenEverywhereEvenUnderTheAgentsId(String endpoint,
                                                             Function<ApiClient, ApiClient.Response> call) {
        assertThat(call.apply(api.as(Tokens.customer(AGENT)))).isForbidden();
    }

    @Override
    public ApiClient.Response protectedCall(String token) {
        return api.as(token).get("/api/agents");
    }

    @Test
    void onlyASupervisorRegistersAndListsAgents() {
        ApiClient agent = desk.asAgent(desk.registerAgent("Grace", billing, "en", 1));

        assertThat(agent.post("/api/agents", Map.of("name", "Eve", "skills", List.of("billing"),
                "languages", List.of("en"), "capacity", 1)).status()).isEqualTo(403);
        assertThat(agent.get("/api/agents").status()).isEqualTo(403);
        assertThat(api.as(Tokens.operator()).get("/api/agents").status()).isEqualTo(403);
        assertThat(api.as(Tokens.supervisor()).get("/api/agents").status()).isEqualTo(200);
    }

    @Test
    void onlyASupervisorChangesAnAgentOrReadsWhyARequestWentWhereItWent() {
        String grace = desk.registerAgent("Grace", billing, "en", 1);
        String requestId = desk.offeredTo(grace, billing);
        ApiClient asGrace = desk.asAgent(grace);

        assertThat(asGrace.patch("/api/agents/" + grace, Map.of("tier", 3)).status()).isEqualTo(403);
        assertThat(desk.agent(grace).body().get("tier").asInt()).isEqualTo(1);
        assertThat(asGrace.get("/api/requests/" + requestId + "/routing").status()).isEqualTo(403);
        assertThat(asGrace.get("/api/queues").status()).as("agents may read the queues").isEqualTo(200);
        assertThat(asGrace.get("/api/queues/" + billing + "/statistics").status())
                .as("but not how each is doing").isEqualTo(403);
        assertThat(api.as(Tokens.supervisor()).get("/api/requests/" + requestId + "/routing").status())
                .isEqualTo(200);
    }

    @Test
    void anAgentActsForThemselvesOnlyAndASupervisorForAnyone() {
        String grace = desk.registerAgent("Grace", billing, "en", 1);
        String alan = desk.registerAgent("Alan", billing, "en", 1);
        String requestId = desk.offeredTo(grace, billing);
        ApiClient asAlan = desk.asAgent(alan);
        String graces = "/api/agents/" + grace;

        assertThat(asAlan.get(graces).status()).isEqualTo(403);
        assertThat(asAlan.get(graces + "/offers").status()).isEqualTo(403);
        assertThat(asAlan.put(graces + "/presence", Map.of("presence", "AWAY")).status()).isEqualTo(403);
        assertThat(asAlan.post(graces + "/offers/" + requestId + "/decline", "").status()).isEqualTo(403);
        assertThat(asAlan.post(graces + "/offers/" + requestId + "/accept", "").status()).isEqualTo(403);

        assertThat(desk.agent(grace).text("/presence")).isEqualTo("AVAILABLE");
        assertThat(desk.request(requestId).text("/status")).isEqualTo("OFFERED");
        assertThat(desk.asAgent(grace).get(graces + "/offers").text("/0/requestId")).isEqualTo(requestId);
        var acceptedForHer = api.as(Tokens.supervisor()).post(graces + "/offers/" + requestId + "/accept", "");
        assertThat(acceptedForHer.status()).isEqualTo(200);
        assertThat(acceptedForHer.text("/ownerId")).isEqualTo(grace);
    }

    @Test
    void anAgentResolvesOnlyAsThemselvesAndASupervisorMayNameTheOwner() {
        String grace = desk.registerAgent("Grace", billing, "en", 2);
        String alan = desk.registerAgent("Alan", billing, "en", 2);
        String requestId = desk.offeredTo(grace, billing);
        assertThat(desk.accept(grace, requestId).status()).isEqualTo(200);
        String resolve = "/api/requests/" + requestId + "/resolve";

        var asSomeoneElse = desk.asAgent(alan).post(resolve, Map.of("agentId", grace, "summary", "Not mine."));

        assertThat(asSomeoneElse).isForbidden();
        assertThat(desk.asAgent(alan).get("/api/requests/" + requestId).text("/status")).isEqualTo("ASSIGNED");
        assertThat(desk.asAgent(alan).post("/api/requests/" + requestId + "/promise", Map.of("agentId", grace,
                "nextUpdateBy", Instant.now().plusSeconds(3600).toString())).status())
                .as("promising as someone else").isEqualTo(403);
        ApiClient supervisor = api.as(Tokens.supervisor());
        assertThat(supervisor.post(resolve, Map.of("agentId", alan, "summary", "Not his.")).status())
                .as("a supervisor naming someone who is not the owner").isEqualTo(409);

        var forTheOwner = supervisor.post(resolve, Map.of("agentId", grace, "summary", "Resolved for Grace."));

        assertThat(forTheOwner.status()).isEqualTo(200);
        assertThat(forTheOwner.text("/status")).isEqualTo("RESOLVED");
    }

    @Test
    void anAgentIsRegisteredUnderTheirLoginAndTheIdCannotBeTakenTwice() {
        String login = "grace.hopper@" + UUID.randomUUID().toString().substring(0, 8);
        ApiClient supervisor = api.as(Tokens.supervisor());
        var created = supervisor.post("/api/agents", Map.of("id", login, "name", "Grace",
                "skills", List.of("billing"), "languages", List.of("en"), "capacity", 1));
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.text("/id")).isEqualTo(login);
        assertThat(desk.asAgent(login).get("/api/agents/" + login).text("/name")).isEqualTo("Grace");

        var again = supervisor.post("/api/agents", Map.of("id", login, "name", "Impostor",
                "skills", List.of("refunds"), "languages", List.of("de"), "capacity", 5));

        assertThat(again.status()).isEqualTo(409);
        assertThat(again.header("Content-Type")).startsWith("application/problem+json");
        assertThat(again.text("/type")).isEqualTo("https://tandem.dev/problems/conflict");
        assertThat(again.text("/detail")).isEqualTo("An agent with id " + login + " is registered already");
        var unchanged = desk.agent(login);
        assertThat(unchanged.text("/name")).isEqualTo("Grace");
        assertThat(unchanged.body().get("capacity").asInt()).isEqualTo(1);
    }
}
