package dev.tandem.routing.assignment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.contracts.intake.Urgency;
import dev.tandem.routing.agent.ActiveRequest;
import dev.tandem.routing.agent.Agent;
import dev.tandem.routing.agent.AgentPresence;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class RouterTest {

    private static final Instant NOW = Instant.parse("2026-11-02T09:00:00Z");

    private final RoutedRequest request = Requests.queued(
            Requests.submitted("r-1", "billing", "pt-BR", Urgency.HIGH, "c-1", NOW), NOW);

    @Test
    void offersToTheAgentIdleLongestAmongThoseWithTheSkillLanguageAndAFreeSlot() {
        Agent idleLongest = agent("a-1", "billing", "pt", 1, 2, NOW.minusSeconds(300));
        Agent idleLess = agent("a-2", "billing", "pt", 0, 2, NOW.minusSeconds(60));

        var choice = Router.choose(request, List.of(idleLess, idleLongest)).orElseThrow();

        assertThat(choice.agent()).isEqualTo(idleLongest);
        assertThat(choice.reason())
                .isEqualTo("has skill billing, speaks pt, 1 of 2 slots in use, idle longest of 2 eligible agents");
    }

    @Test
    void leavesOutAgentsLackingTheSkillTheLanguageOrAFreeSlot() {
        Agent noSkill = agent("a-1", "shipping", "pt", 0, 2, NOW.minusSeconds(900));
        Agent noLanguage = agent("a-2", "billing", "de", 0, 2, NOW.minusSeconds(800));
        Agent full = agent("a-3", "billing", "pt", 2, 2, NOW.minusSeconds(700));
        Agent suitable = agent("a-4", "billing", "pt-PT", 0, 1, NOW);

        var choice = Router.choose(request, List.of(noSkill, noLanguage, full, suitable)).orElseThrow();

        assertThat(choice.agent()).isEqualTo(suitable);
        assertThat(choice.reason())
                .isEqualTo("has skill billing, speaks pt-PT, 0 of 1 slots in use, the only eligible agent");
    }

    @Test
    void leavesOutAgentsWhoAreNotAvailable() {
        for (AgentPresence presence : List.of(AgentPresence.BUSY, AgentPresence.AWAY, AgentPresence.OFFLINE)) {
            Agent agent = new Agent("a-1", "Grace", List.of("billing"), List.of("pt"), 2, presence, List.of(), 2,
                    NOW.minusSeconds(60));

            assertThat(Router.choose(request, List.of(agent))).as(presence.name()).isEmpty();
        }
    }

    @Test
    void neverOffersARequestAgainToAnAgentWhoDeclinedIt() {
        Agent grace = agent("a-1", "billing", "pt", 0, 2, NOW.minusSeconds(300));
        Agent alan = agent("a-2", "billing", "pt", 0, 2, NOW);
        request.offerTo("a-1", "reason", NOW, NOW.plusSeconds(120));
        request.decline("a-1", NOW);

        assertThat(Router.choose(request, List.of(grace, alan)).orElseThrow().agent()).isEqualTo(alan);
        assertThat(Router.choose(request, List.of(grace))).isEmpty();
    }

    @Test
    void neverOffersARequestToAnAgentWhoseSlotIsAlreadyReservedForIt() {
        Agent holding = new Agent("a-1", "Grace", List.of("billing"), List.of("pt"), 2, AgentPresence.AVAILABLE,
                List.of(new ActiveRequest("r-1", NOW)), 1, NOW.minusSeconds(60));

        assertThat(Router.choose(request, List.of(holding))).isEmpty();
    }

    @Test
    void amongAgentsIdleEquallyLongPrefersTheOneWithFewestRequestsInHand() {
        Instant since = NOW.minusSeconds(120);
        Agent busier = agent("a-1", "billing", "pt", 2, 3, since);
        Agent lessBusy = agent("a-2", "billing", "pt", 1, 3, since);
        Agent other = agent("a-3", "billing", "pt", 0, 3, NOW);

        var choice = Router.choose(request, List.of(busier, lessBusy, other)).orElseThrow();

        assertThat(choice.agent()).isEqualTo(lessBusy);
        assertThat(choice.reason()).isEqualTo("has skill billing, speaks pt, 1 of 3 slots in use, "
                + "idle longest with fewest slots in use of 3 eligible agents");
    }

    @Test
    void nobodyIsChosenWhenNobodyIsEligible() {
        assertThat(Router.choose(request, List.of())).isEmpty();
        assertThat(Router.choose(request, List.of(agent("a-1", "billing", "en", 0, 1, NOW)))).isEmpty();
    }

    private static Agent agent(String id, String skill, String language, int inUse, int capacity, Instant idleSince) {
        List<ActiveRequest> active = IntStream.range(0, inUse).mapToObj(i -> new ActiveRequest(id + "-r" + i, NOW))
                .toList();
        return new Agent(id, "Agent " + id, List.of(skill), List.of(language), capacity, AgentPresence.AVAILABLE,
                active, capacity - inUse, idleSince);
    }
}
