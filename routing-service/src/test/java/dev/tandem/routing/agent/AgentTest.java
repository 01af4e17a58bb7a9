package dev.tandem.routing.agent;

import static dev.tandem.routing.agent.AgentFixture.agent;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.contracts.intake.Urgency;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class AgentTest {

    private static final Instant NOW = Instant.parse("2026-11-02T09:00:00Z");

    @Test
    void aNewAgentIsOfflineActiveFirstLineWithAllSlotsFree() {
        Agent grace = Agent.register("a-1", "Grace", List.of(new Skill("billing", 4)), List.of("en"), 1, null, 2, NOW);

        assertThat(grace.presence()).isEqualTo(AgentPresence.OFFLINE);
        assertThat(grace.active()).isTrue();
        assertThat(grace.tier()).isEqualTo(1);
        assertThat(grace.team()).isEqualTo(Agent.DEFAULT_TEAM);
        assertThat(grace.freeSlots()).isEqualTo(2);
        assertThat(grace.activeRequests()).isEmpty();
        assertThat(grace.takesOffers()).isFalse();
    }

    @Test
    void knowsItsProficiencyInEachSkill() {
        Agent agent = agent("a-1").skill("billing", 4).skill("refunds", 2).build();

        assertThat(agent.proficiency("billing")).hasValue(4);
        assertThat(agent.proficiency("refunds")).hasValue(2);
        assertThat(agent.proficiency("shipping")).isEmpty();
    }

    @Test
    void aRegionalLanguageIsServedByAnAgentWhoSpeaksItsPrimaryLanguage() {
        Agent agent = agent("a-1").languages("de", "pt").build();

        assertThat(agent.speaking("pt-BR")).contains("pt");
        assertThat(agent.speaking("PT")).contains("pt");
        assertThat(agent.speaking("de-AT")).contains("de");
        assertThat(agent.speaking("es")).isEmpty();
        assertThat(agent.speaking("deu")).isEmpty();
    }

    @Test
    void takesOffersOnlyWhenActiveAvailableAndWithAFreeSlot() {
        assertThat(agent("a-1").build().takesOffers()).isTrue();
        assertThat(agent("a-1").holding("r-1", Urgency.LOW).build().takesOffers()).isFalse();
        assertThat(agent("a-1").inactive().build().takesOffers()).isFalse();
        for (AgentPresence presence : List.of(AgentPresence.BUSY, AgentPresence.AWAY, AgentPresence.OFFLINE)) {
            assertThat(agent("a-1").presence(presence).build().takesOffers()).as(presence.name()).isFalse();
        }
    }

    @Test
    void knowsTheRequestsItHoldsAndHowManyAreCritical() {
        Agent agent = agent("a-1").capacity(3).holding("r-0", Urgency.CRITICAL).holding("r-1", Urgency.LOW).build();

        assertThat(agent.holds("r-0")).isTrue();
        assertThat(agent.holds("r-9")).isFalse();
        assertThat(agent.slotsInUse()).isEqualTo(2);
        assertThat(agent.criticalInHand()).isEqualTo(1);
        assertThat(agent.activeRequestIds()).containsExactly("r-0", "r-1");
    }
}
