package dev.tandem.routing.assignment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.tandem.contracts.intake.RequestSubmitted;
import dev.tandem.contracts.intake.Urgency;
import dev.tandem.contracts.routing.HandoffKind;
import dev.tandem.contracts.routing.HandoffOffered;
import dev.tandem.contracts.routing.RequestEscalated;
import dev.tandem.contracts.routing.RequestReleased;
import dev.tandem.contracts.routing.RequestTransferred;
import dev.tandem.contracts.routing.TransferDeclined;
import dev.tandem.testsupport.MovableClock;
import dev.tandem.testsupport.TandemIntegrationTest;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Ownership through the API and on the routing topic, on a clock the test moves: a transfer to a named senior with a
 * handoff packet, an escalation the senior declines or lets expire, an owner who leaves with a request in hand, and a
 * request nobody takes in time, which escalates and breaches its target.
 */
@TandemIntegrationTest
@TestPropertySource(properties = {
        "spring.cloud.stream.default.group=routing-handoff-it",
        "tandem.routing.offer-timeout=90s",
        "tandem.routing.owner-gone-grace=1m",
        "tandem.routing.sla.critical=2m",
        "tandem.routing.sla.escalate-at=0.5",
        "tandem.routing.queue.update-interval=1h",
        // first line only, then seniors too
        "tandem.routing.queues." + HandoffIT.TIERED + ".categories[0]=" + HandoffIT.TIERED,
        "tandem.routing.queues." + HandoffIT.TIERED + ".skills." + HandoffIT.TIERED + "=1",
        "tandem.routing.queues." + HandoffIT.TIERED + ".steps[0].duration=1h",
        "tandem.routing.queues." + HandoffIT.TIERED + ".steps[0].tiers[0]=1",
        "tandem.routing.queues." + HandoffIT.TIERED + ".steps[1].tiers[0]=3"})
@Import(HandoffIT.Clocks.class)
// the clock it moves would move every test class's timers that reused the context
@DirtiesContext
class HandoffIT extends AbstractDeskIT {

    static final String TIERED = "escalations-it";

    @Autowired
    MovableClock clock;

    @Test
    void aTransferToANamedSeniorCarriesThePacketAndTheOwnerKeepsItUntilTheSeniorAccepts() {
        String grace = desk.registerAgent("Grace", billing, "en", 1);
        String ada = registerSenior("Ada", billing);
        String requestId = ownedBy(grace);
        desk.presence(ada, "AVAILABLE");
        assertThat(desk.promise(requestId, grace, clock.instant().plus(Duration.ofDays(1)), null).status())
                .isEqualTo(200);

        var handed = desk.handOver(requestId, grace, Map.of("to", Map.of("agentId", ada),
                "summary", "Charged twice; the bank shows both charges as settled.",
                "stepsTried", List.of("Checked the invoice", "Asked the bank to confirm"),
                "promises", List.of(Map.of("promise", "a refund of the second charge",
                        "by", clock.instant().plus(Duration.ofDays(2)).toString()))));

        assertThat(handed.status()).as(handed.body().toString()).isEqualTo(202);
        assertThat(handed.text("/ownerId")).as("Grace keeps it meanwhile").isEqualTo(grace);
        assertThat(handed.text("/handoff/offeredTo")).isEqualTo(ada);
        JsonNode offer = desk.offers(ada).body().get(0);
        assertThat(offer.get("requestId").asString()).isEqualTo(requestId);
        JsonNode packet = offer.at("/handoff/packet");
        assertThat(offer.at("/handoff/kind").asString()).isEqualTo("TRANSFER");
        assertThat(packet.get("summary").asString()).isEqualTo("Charged twice; the bank shows both charges as settled.");
        assertThat(packet.at("/stepsTried/1").asString()).isEqualTo("Asked the bank to confirm");
        assertThat(packet.get("customerWords").asString()).isEqualTo("My statement shows two charges.");
        assertThat(packet.get("language").asString()).isEqualTo("en");
        assertThat(packet.at("/preferences/channel").asString()).isEqualTo("EMAIL");
        assertThat(packet.get("promises")).hasSize(2);
        assertThat(packet.at("/owners/0/agentId").asString()).isEqualTo(grace);
        desk.awaitPublished(requestId, HandoffOffered.class, event -> event.agentId().equals(ada)
                && event.kind() == HandoffKind.TRANSFER);

        var accepted = desk.accept(ada, requestId);

        assertThat(accepted.status()).as(accepted.body().toString()).isEqualTo(200);
        assertThat(accepted.text("/ownerId")).isEqualTo(ada);
        desk.awaitPublished(requestId, RequestTransferred.class, event -> event.agentName().equals("Ada")
                && event.agentTier() == 3 && event.previousAgentName().equals("Grace")
                && event.kind() == HandoffKind.TRANSFER);
        assertThat(desk.agent(grace).body().get("freeSlots").asInt()).as("Grace let go of it").isEqualTo(1);
        assertThat(desk.agent(ada).body().get("freeSlots").asInt()).isZero();
        JsonNode routing = desk.routing(requestId).body();
        assertThat(routing.at("/owners/0/until").asString()).as("no moment without an owner")
                .isEqualTo(routing.at("/owners/1/from").asString());
        assertThat(routing.at("/ownerless/since").isNull()).isTrue();
        assertThat(Duration.parse(routing.at("/ownerless/total").asString())).as("the handoff added nothing")
                .isEqualTo(Duration.parse(routing.at("/ownerless/lastSpell").asString()));
    }

    @Test
    void anEscalationTheSeniorDeclinesOrLetsExpireStaysWithTheOwnerWhoIsTold() {
        String grace = desk.registerAgent("Grace", billing, "en", 2);
        String ada = registerSenior("Ada", billing);
        String first = ownedBy(grace);
        desk.presence(ada, "AVAILABLE");

        assertThat(desk.handOver(first, grace, escalation()).text("/handoff/offeredTo")).isEqualTo(ada);
        assertThat(desk.decline(ada, first).status()).isEqualTo(200);

        desk.awaitPublished(first, TransferDeclined.class, event -> event.ownerId().equals(grace)
                && event.reason().equals("DECLINED"));
        assertThat(desk.request(first).text("/ownerId")).isEqualTo(grace);
        assertThat(desk.request(first).body().get("handoff").isNull()).isTrue();
        assertThat(desk.agent(ada).body().get("freeSlots").asInt()).isEqualTo(1);

        assertThat(desk.handOver(first, grace, escalation()).status()).as("asking again is fine").isEqualTo(202);
        clock.advance(Duration.ofSeconds(90));

        desk.awaitPublished(first, TransferDeclined.class, event -> event.reason().equals("EXPIRED"));
        await().until(() -> desk.request(first).body().get("handoff").isNull());
        assertThat(desk.request(first).text("/ownerId")).isEqualTo(grace);
        assertThat(desk.agent(ada).body().get("freeSlots").asInt()).isEqualTo(1);
        assertThat(desk.routing(first).body().get("history").findValues("kind").stream().map(JsonNode::asString))
                .containsSubsequence("HANDOFF_OFFERED", "HANDOFF_DECLINED", "HANDOFF_OFFERED", "HANDOFF_DECLINED");
    }

    @Test
    void aHandoffThatCannotBeMadeIsRefusedWithTheReasonAndChangesNothing() {
        String grace = desk.registerAgent("Grace", billing, "en", 1);
        String alan = desk.registerAgent("Alan", billing, "en", 1);
        String requestId = ownedBy(grace);

        var noSenior = desk.handOver(requestId, grace, escalation());
        assertThat(noSenior.status()).isEqualTo(409);
        assertThat(noSenior.text("/detail")).isEqualTo("Request " + requestId + " cannot be handed over now: nobody "
                + "of tier 3 who serves queue " + billing + " in en is available with a slot free");
        var twoTargets = desk.handOver(requestId, grace, Map.of("to", Map.of("tier", 3, "team", "seniors"),
                "summary", "Charged twice."));
        assertThat(twoTargets.status()).isEqualTo(400);
        assertThat(twoTargets.text("/errors/0/field")).isEqualTo("to");
        var noSummary = desk.handOver(requestId, grace, Map.of("to", Map.of("tier", 3)));
        assertThat(noSummary.status()).isEqualTo(400);
        assertThat(noSummary.text("/errors/0/field")).isEqualTo("summary");
        assertThat(desk.handOver(requestId, grace, Map.of("to", Map.of("agentId", "nobody-" + UUID.randomUUID()),
                "summary", "Charged twice.")).status()).isEqualTo(404);
        assertThat(desk.handOver(requestId, alan, escalation()).status()).as("Alan does not own it")
                .isEqualTo(409);
        assertThat(desk.handOver(requestId, grace, Map.of("to", Map.of("agentId", alan), "summary", "x")).text(
                "/detail")).isEqualTo("Request " + requestId + " cannot be handed over now: agent " + alan
                + " is not available with a slot free");

        assertThat(desk.request(requestId).text("/ownerId")).isEqualTo(grace);
        assertThat(desk.request(requestId).body().get("handoff").isNull()).isTrue();
    }

    @Test
    void aRequestWhoseOwnerLeftGoesOnwardWithItsPacketAndItsTimeWithoutAnOwnerIsMeasured() {
        String grace = desk.registerAgent("Grace", billing, "en", 1);
        String alan = desk.registerAgent("Alan", billing, "en", 1);
        String requestId = ownedBy(grace);
        desk.presence(grace, "AWAY");
        desk.presence(alan, "AVAILABLE");
        Instant left = clock.instant();
        assertThat(desk.request(requestId).text("/ownerId")).as("within the grace period").isEqualTo(grace);

        clock.advance(Duration.ofMinutes(1));

        desk.awaitPublished(requestId, RequestReleased.class, event -> event.agentId().equals(grace)
                && event.leftAt().equals(left));
        assertThat(desk.awaitOffered(requestId)).isEqualTo(alan);
        JsonNode offer = desk.offers(alan).body().get(0);
        assertThat(offer.at("/handoff/kind").asString()).isEqualTo("OWNER_GONE");
        assertThat(offer.at("/handoff/packet/customerWords").asString()).isEqualTo("My statement shows two charges.");
        assertThat(desk.agent(grace).body().get("freeSlots").asInt()).isEqualTo(1);
        clock.advance(Duration.ofSeconds(10));

        assertThat(desk.accept(alan, requestId).status()).isEqualTo(200);

        desk.awaitPublished(requestId, RequestTransferred.class, event -> event.kind() == HandoffKind.OWNER_GONE
                && event.agentName().equals("Alan") && event.previousAgentName().equals("Grace"));
        assertThat(Duration.parse(desk.routing(requestId).text("/ownerless/lastSpell")))
                .as("from Grace leaving to Alan accepting").isEqualTo(Duration.ofSeconds(70));
        assertThat(api.get("/actuator/prometheus", Map.of("Accept", "text/plain")).body().asString())
                .contains("tandem_routing_ownerless_time_seconds_count{queue=\"" + billing + "\"");
    }

    @Test
    void aRequestNobodyTakesInTimeEscalatesToTheSeniorsThenBreachesItsTargetAndTheStatisticsSaySo() {
        String senior = registerSenior("Ada", TIERED);
        RequestSubmitted submitted = Requests.submitted(UUID.randomUUID().toString(), TIERED, "en", Urgency.CRITICAL,
                "web-sla", clock.instant());
        desk.send(submitted);
        String requestId = submitted.requestId();
        await().until(() -> desk.request(requestId).status() == 200);
        desk.presence(senior, "AVAILABLE");
        assertThat(desk.offers(senior).body()).as("the first step asks for the first line").isEmpty();

        // CRITICAL: a 2 min target here, escalating at half of it
        clock.advance(Duration.ofMinutes(1));

        desk.awaitPublished(requestId, RequestEscalated.class, event -> event.step() == 2
                && event.target().equals(Duration.ofMinutes(2)));
        assertThat(desk.awaitOffered(requestId)).as("now the seniors may take it").isEqualTo(senior);
        clock.advance(Duration.ofMinutes(1));
        await().until(() -> !desk.routing(requestId).body().at("/sla/breachedAt").isNull());

        assertThat(desk.accept(senior, requestId).status()).isEqualTo(200);

        JsonNode statistics = desk.statistics(TIERED).body();
        assertThat(statistics.at("/last24Hours/escalations").asLong()).isEqualTo(1);
        assertThat(statistics.at("/last24Hours/slaBreaches").asLong()).isEqualTo(1);
        assertThat(statistics.at("/last24Hours/offersAccepted").asLong()).isEqualTo(1);
        assertThat(statistics.at("/last24Hours/slaAttainment").asDouble()).isZero();
        assertThat(statistics.at("/last24Hours/timeToOwnerP90").asString()).as("its bucket: up to 2 min")
                .isEqualTo("PT2M");
        assertThat(statistics.at("/sinceStart/offersCreated").asLong()).isEqualTo(1);
        assertThat(statistics.at("/now/waiting").asInt()).isZero();
        assertThat(statistics.at("/now/agentsBusy").asInt()).isEqualTo(1);
        assertThat(desk.statistics("no-such-queue").status()).isEqualTo(404);
    }

    private String registerSenior(String name, String skill) {
        return desk.registerAgent(Map.of("name", name, "skills", List.of(Map.of("name", skill, "proficiency", 5)),
                "languages", List.of("en"), "tier", 3, "capacity", 1));
    }

    private String ownedBy(String agentId) {
        String requestId = desk.offeredTo(agentId, billing);
        assertThat(desk.accept(agentId, requestId).status()).isEqualTo(200);
        desk.presence(agentId, "BUSY");
        return requestId;
    }

    private static Map<String, Object> escalation() {
        return Map.of("to", Map.of("tier", 3), "summary", "Charged twice; needs someone who can refund.");
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class Clocks {

        @Bean
        @Primary
        MovableClock clock() {
            // to the millisecond, as the store keeps times
            return new MovableClock(Instant.now().truncatedTo(ChronoUnit.MILLIS));
        }
    }
}
