package dev.tandem.routing.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class AgentTest {

    private static final Instant NOW = Instant.parse("2026-11-02T09:00:00Z");

    @Test
    void aNewAgentIsOfflineWithAllSlotsFree() {
        Agent grace = Agent.register("a-1", "Grace", List.of("billing"), List.of("en"), 2);

        assertThat(grace.presence()).isEqualTo(AgentPresence.OFFLINE);
        assertThat(grace.freeSlots()).isEqualTo(2);
        assertThat(grace.activeRequests()).isEmpty();
        assertThat(grace.canServe("billing", "en")).isFalse();
    }

    @Test
    void aRegionalLanguageIsServedByAnAgentWhoSpeaksItsPrimaryLanguage() {
        Agent agent = available(List.of("de", "pt"), 0);

        assertThat(agent.speaking("pt-BR")).contains("pt");
        assertThat(agent.speaking("PT")).contains("pt");
        assertThat(agent.speaking("de-AT")).contains("de");
    }

    @Test
    void anAgentWhoSpeaksARegionalVariantServesTheOtherVariants() {
        Agent agent = available(List.of("pt-PT"), 0);

        assertThat(agent.speaking("pt-BR")).contains("pt-PT");
        assertThat(agent.speaking("pt")).contains("pt-PT");
    }

    @Test
    void aDifferentLanguageIsNotServedEvenWithASimilarTag() {
        Agent agent = available(List.of("en"), 0);

        assertThat(agent.speaking("es")).isEmpty();
        assertThat(agent.speaking("eng")).isEmpty();
        assertThat(agent.canServe("billing", "es")).isFalse();
    }

    @Test
    void servesOnlyWhenAvailableWithTheSkillAndAFreeSlot() {
        assertThat(available(List.of("en"), 1).canServe("billing", "en-GB")).isTrue();
        assertThat(available(List.of("en"), 1).canServe("shipping", "en")).isFalse();
        assertThat(available(List.of("en"), 2).canServe("billing", "en")).isFalse();
        for (AgentPresence presence : List.of(AgentPresence.BUSY, AgentPresence.AWAY, AgentPresence.OFFLINE)) {
            assertThat(withPresence(presence).canServe("billing", "en")).as(presence.name()).isFalse();
        }
    }

    @Test
    void knowsTheRequestsItHoldsAndTheSlotsInUse() {
        Agent agent = available(List.of("en"), 1);

        assertThat(agent.holds("r-0")).isTrue();
        assertThat(agent.holds("r-9")).isFalse();
        assertThat(agent.slotsInUse()).isEqualTo(1);
        assertThat(agent.activeRequestIds()).containsExactly("r-0");
    }

    private static Agent available(List<String> languages, int inUse) {
        List<ActiveRequest> active = java.util.stream.IntStream.range(0, inUse)
                .mapToObj(i -> new ActiveRequest("r-" + i, NOW)).toList();
        return new Agent("a-1", "Grace", List.of("billing"), languages, 2, AgentPresence.AVAILABLE, active,
                2 - inUse, NOW);
    }

    private static Agent withPresence(AgentPresence presence) {
        return new Agent("a-1", "Grace", List.of("billing"), List.of("en"), 2, presence, List.of(), 2, NOW);
    }
}
