package dev.tandem.routing.agent;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.routing.SharedRoutingContext;
import dev.tandem.testsupport.ApiClient;
import dev.tandem.testsupport.Tokens;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

@SharedRoutingContext
class AgentApiIT {

    @LocalServerPort
    int port;
    /** A supervisor's console. */
    private ApiClient api;

    @BeforeEach
    void setUp() {
        api = ApiClient.local(port).as(Tokens.supervisor());
    }

    @Test
    void aRegisteredAgentStartsOfflineWithAllSlotsFree() {
        var created = api.post("/api/agents", Map.of("name", "Grace", "skills", List.of("billing"),
                "languages", List.of("en", "de"), "capacity", 2));

        assertThat(created.status()).isEqualTo(201);
        String id = created.text("/id");
        assertThat(created.header("Location")).isEqualTo("/api/agents/" + id);
        var agent = api.get("/api/agents/" + id);
        assertThat(agent.text("/name")).isEqualTo("Grace");
        assertThat(agent.text("/presence")).isEqualTo("OFFLINE");
        assertThat(agent.text("/languages/1")).isEqualTo("de");
        assertThat(agent.body().get("activeRequests").isEmpty()).isTrue();
        assertThat(agent.body().get("freeSlots").asInt()).isEqualTo(2);
        assertThat(api.get("/api/agents").body().valueStream().map(each -> each.get("id").asString()))
                .contains(id);
    }

    @Test
    void invalidFieldsAreNamedWithTheirReasonAndNoAgentIsAdded() {
        int before = api.get("/api/agents").body().size();

        var problem = api.post("/api/agents", """
                {"id": "grace hopper", "name": "", "skills": ["Billing!"], "languages": [], "capacity": 21}""");

        assertThat(problem.status()).isEqualTo(400);
        assertThat(problem.header("Content-Type")).startsWith("application/problem+json");
        assertThat(problem.body().get("errors").valueStream().map(error -> error.get("field").asString()))
                .containsExactly("capacity", "id", "languages", "name", "skills[0].name");
        assertThat(api.get("/api/agents").body().size()).isEqualTo(before);
    }

    @Test
    void anAgentSaysWhetherTheyAreAvailable() {
        String id = api.post("/api/agents", Map.of("name", "Alan", "skills", List.of("shipping"),
                "languages", List.of("en"), "capacity", 1)).text("/id");
        ApiClient alan = ApiClient.local(port).as(Tokens.agent(id, "Alan"));

        var available = alan.put("/api/agents/" + id + "/presence", Map.of("presence", "AVAILABLE"));
        assertThat(available.status()).isEqualTo(200);
        assertThat(available.text("/presence")).isEqualTo("AVAILABLE");

        var away = alan.put("/api/agents/" + id + "/presence", Map.of("presence", "AWAY"));
        assertThat(away.text("/presence")).isEqualTo("AWAY");
        assertThat(alan.get("/api/agents/" + id).text("/presence")).isEqualTo("AWAY");

        var unknown = alan.put("/api/agents/" + id + "/presence", Map.of("presence", "SLEEPING"));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.text("/errors/0/field")).isEqualTo("presence");
    }

    @Test
    void anUnknownAgentIsNotFound() {
        assertThat(api.get("/api/agents/nobody").status()).isEqualTo(404);
        var problem = api.put("/api/agents/nobody/presence", Map.of("presence", "AVAILABLE"));
        assertThat(problem.status()).isEqualTo(404);
        assertThat(problem.text("/detail")).isEqualTo("No agent with id nobody");
    }

    @Test
    void aSupervisorChangesSkillsTierTeamAndCapacityAndLeavesOutWhatIsNotSent() {
        String id = api.post("/api/agents", Map.of("name", "Grace", "skills", List.of("billing"),
                "languages", List.of("en"), "capacity", 2)).text("/id");
        assertThat(api.get("/api/agents/" + id).body().get("skills").get(0).get("proficiency").asInt())
                .as("a skill by name alone").isEqualTo(3);

        var changed = api.patch("/api/agents/" + id, Map.of(
                "skills", List.of(Map.of("name", "billing", "proficiency", 5), Map.of("name", "refunds",
                        "proficiency", 2)),
                "tier", 3, "team", "escalations", "capacity", 4));

        assertThat(changed.status()).isEqualTo(200);
        assertThat(changed.body().get("skills").get(0).get("proficiency").asInt()).isEqualTo(5);
        assertThat(changed.text("/skills/1/name")).isEqualTo("refunds");
        assertThat(changed.body().get("tier").asInt()).isEqualTo(3);
        assertThat(changed.text("/team")).isEqualTo("escalations");
        assertThat(changed.body().get("capacity").asInt()).isEqualTo(4);
        assertThat(changed.body().get("freeSlots").asInt()).isEqualTo(4);
        assertThat(changed.text("/name")).isEqualTo("Grace");
        assertThat(changed.text("/languages/0")).isEqualTo("en");

        var deactivated = api.patch("/api/agents/" + id, Map.of("active", false));
        assertThat(deactivated.body().get("active").asBoolean()).isFalse();
        assertThat(deactivated.body().get("tier").asInt()).as("left as it was").isEqualTo(3);
    }

    @Test
    void anInvalidChangeIsNamedWithItsReasonAndChangesNothing() {
        String id = api.post("/api/agents", Map.of("name", "Alan", "skills", List.of("billing"),
                "languages", List.of("en"), "capacity", 2)).text("/id");

        var problem = api.patch("/api/agents/" + id, """
                {"tier": 4, "capacity": 0, "skills": [{"name": "billing", "proficiency": 6}]}""");

        assertThat(problem.status()).isEqualTo(400);
        assertThat(problem.body().get("errors").valueStream().map(error -> error.get("field").asString()))
                .containsExactly("capacity", "skills[0].proficiency", "tier");
        var unchanged = api.get("/api/agents/" + id);
        assertThat(unchanged.body().get("tier").asInt()).isEqualTo(1);
        assertThat(unchanged.body().get("capacity").asInt()).isEqualTo(2);
        assertThat(api.patch("/api/agents/nobody", Map.of("tier", 2)).status()).isEqualTo(404);
    }
}
