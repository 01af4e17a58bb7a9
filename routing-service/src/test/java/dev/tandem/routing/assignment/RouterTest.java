package dev.tandem.routing.assignment;

import static dev.tandem.routing.agent.AgentFixture.agent;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.contracts.intake.Urgency;
import dev.tandem.routing.agent.Agent;
import dev.tandem.routing.agent.AgentPresence;
import dev.tandem.routing.agent.Skill;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class RouterTest {

    // a queue that asks for billing 4 or more at tier 1 for a minute, then billing 2 or more at any tier, then anyone
    // who speaks the language
    private static final Map<String, String> STEPPED = Map.of(
            "tandem.routing.queues.billing.categories[0]", "billing",
            "tandem.routing.queues.billing.skills.billing", "2",
            "tandem.routing.queues.billing.steps[0].duration", "60s",
            "tandem.routing.queues.billing.steps[0].min-proficiency", "4",
            "tandem.routing.queues.billing.steps[0].tiers[0]", "1",
            "tandem.routing.queues.billing.steps[1].duration", "2m",
            "tandem.routing.queues.billing.steps[2].require-skills", "false");

    @Test
    void offersToTheAgentIdleLongestAmongTheEligibleAndSaysWhy() {
        RoutingBoard board = new RoutingBoard(STEPPED, List.of(
                agent("idle-less").skill("billing", 5).idleSince(RoutingBoard.START.minusSeconds(60)).build(),
                agent("idle-longest").skill("billing", 4).idleSince(RoutingBoard.START.minusSeconds(600)).build(),
                agent("learning").skill("billing", 2).idleSince(RoutingBoard.START.minusSeconds(900)).build()));
        board.submit("r-1", "billing", Urgency.NORMAL);

        Router.Offer offer = board.next().orElseThrow();

        assertThat(offer.agent().id()).isEqualTo("idle-longest");
        Explanation why = offer.explanation();
        assertThat(why.queue()).isEqualTo("billing");
        assertThat(why.step()).isEqualTo(1);
        assertThat(why.stepDescription()).isEqualTo("billing 4 or more, tier 1, for 1 min");
        assertThat(why.policy()).isEqualTo("LONGEST_IDLE");
        assertThat(why.eligible()).isEqualTo(2);
        assertThat(why.matchingSkills()).containsExactly(new Skill("billing", 4));
        assertThat(why.passedOver()).containsExactly(
                new Explanation.PassedOver("idle-less", "ranked lower by longest idle: idle since "
                        + RoutingBoard.START.minusSeconds(60) + ", 0 of 1 slots in use"),
                new Explanation.PassedOver("learning", "billing 2, the step asks 4 or more"));
        assertThat(why.sentence()).isEqualTo("billing 4; speaks en; tier 1; first of 2 eligible agents by longest "
                + "idle (queue billing, step 1: billing 4 or more, tier 1, for 1 min)");
    }

    @Test
    void aWaitingRequestRelaxesStepByStepAsItsTimeAtEachRunsOut() {
        RoutingBoard board = new RoutingBoard(STEPPED, List.of(
                agent("specialist").skill("billing", 3).tier(2).build(),
                agent("linguist").skill("shipping", 5).languages("en", "de").build()));
        board.submit("r-1", "billing", Urgency.NORMAL);

        assertThat(board.next()).as("nobody has billing 4 at tier 1").isEmpty();

        board.advance(Duration.ofSeconds(59));
        assertThat(board.next()).isEmpty();

        board.advance(Duration.ofSeconds(1));
        Router.Offer second = board.next().orElseThrow();
        assertThat(second.agent().id()).isEqualTo("specialist");
        assertThat(second.explanation().step()).isEqualTo(2);
        assertThat(second.explanation().stepDescription()).isEqualTo("billing 2 or more, for 2 min");
    }

    @Test
    void atTheLastStepAnyAgentWhoSpeaksTheLanguageMayTakeIt() {
        RoutingBoard board = new RoutingBoard(STEPPED, List.of(
                agent("german-only").skill("billing", 5).languages("de").build(),
                agent("linguist").skill("shipping", 5).languages("en", "de").build()));
        board.submit("r-1", "billing", Urgency.NORMAL);

        board.advance(Duration.ofMinutes(3).minusMillis(1));
        assertThat(board.next()).isEmpty();

        board.advance(Duration.ofMillis(1));
        Router.Offer last = board.next().orElseThrow();
        assertThat(last.agent().id()).isEqualTo("linguist");
        assertThat(last.explanation().step()).isEqualTo(3);
        assertThat(last.explanation().stepDescription()).isEqualTo("any agent who speaks the language, until accepted");
    }

    @Test
    void aLowRequestThatWaitedLongEnoughIsOfferedBeforeAFreshHighOne() {
        // HIGH is two levels above LOW: with the default head start of 10 minutes a level, a HIGH request goes first
        // unless the LOW one has waited 20 minutes longer
        Map<String, String> plain = Map.of();
        RoutingBoard board = new RoutingBoard(plain, List.of(agent("grace").skill("billing", 3).build()));
        board.submit("low", "billing", Urgency.LOW);
        board.advance(Duration.ofMinutes(19));
        board.submit("high-19", "billing", Urgency.HIGH);
        assertThat(board.next().orElseThrow().member().id()).isEqualTo("high-19");

        board.advance(Duration.ofMinutes(2));
        board.submit("high-21", "billing", Urgency.HIGH);
        assertThat(board.next().orElseThrow().member().id()).as("still behind the first HIGH one")
                .isEqualTo("high-19");
        assertThat(board.book.member("low").orElseThrow().rank())
                .isBefore(board.book.member("high-21").orElseThrow().rank());
    }

    @Test
    void theSelectionPolicyChoosesAmongTheEligible() {
        List<Agent> agents = List.of(
                agent("idle-longest").skill("billing", 3).capacity(3).holding("x-1", Urgency.LOW)
                        .idleSince(RoutingBoard.START.minusSeconds(900)).build(),
                agent("expert").skill("billing", 5).capacity(3).holding("x-2", Urgency.LOW).holding("x-3", Urgency.LOW)
                        .idleSince(RoutingBoard.START.minusSeconds(60)).build(),
                agent("free-hands").skill("billing", 4).capacity(3).idleSince(RoutingBoard.START).build());

        assertThat(chosenBy("longest-idle", agents)).isEqualTo("idle-longest");
        assertThat(chosenBy("best-proficiency", agents)).isEqualTo("expert");
        assertThat(chosenBy("fewest-in-hand", agents)).isEqualTo("free-hands");
    }

    private static String chosenBy(String policy, List<Agent> agents) {
        RoutingBoard board = new RoutingBoard(Map.of(
                "tandem.routing.queues.billing.categories[0]", "billing",
                "tandem.routing.queues.billing.skills.billing", "1",
                "tandem.routing.queues.billing.policy", policy), agents);
        board.submit("r-1", "billing", Urgency.NORMAL);
        return board.next().orElseThrow().agent().id();
    }

    @Test
    void aDeclineKeepsTheRequestFromItsAgentForTheCoolDownOnly() {
        RoutingBoard board = new RoutingBoard(Map.of("tandem.routing.decline-cool-down", "10m"),
                List.of(agent("grace").skill("billing", 3).build()));
        RoutedRequest request = board.submit("r-1", "billing", Urgency.NORMAL);
        request.offerTo("grace", Requests.explanation("grace"), board.clock.instant(),
                board.clock.instant().plusSeconds(120), Duration.ofMinutes(10));
        request.decline("grace", board.clock.instant());
        board.saved(request);

        assertThat(board.next()).isEmpty();
        assertThat(board.router.allEligibleDeclined(request, board.clock.instant())).isTrue();

        board.advance(Duration.ofMinutes(10));
        assertThat(board.next().orElseThrow().agent().id()).isEqualTo("grace");
        assertThat(board.router.allEligibleDeclined(request, board.clock.instant())).isFalse();
    }

    @Test
    void aReopenedRequestGoesToItsPreviousOwnerFirstWithinTheWindow() {
        RoutingBoard board = new RoutingBoard(Map.of("tandem.routing.known-agent-window", "2m"), List.of(
                agent("grace").skill("billing", 3).holding("r-other", Urgency.LOW).build(),
                agent("alan").skill("billing", 3).build()));
        RoutedRequest request = board.submit("r-1", "billing", Urgency.NORMAL);
        ownedByGraceThenReopened(board, request);

        assertThat(board.next()).as("grace, its previous owner, has no slot free yet; alan waits his turn").isEmpty();

        board.advance(Duration.ofMinutes(2));
        assertThat(board.next().orElseThrow().agent().id()).isEqualTo("alan");
    }

    @Test
    void thePreviousOwnerIsOfferedTheReopenedRequestWithTheReason() {
        RoutingBoard board = new RoutingBoard(Map.of(), List.of(
                agent("grace").skill("billing", 3).idleSince(RoutingBoard.START).build(),
                agent("alan").skill("billing", 3).idleSince(RoutingBoard.START.minusSeconds(600)).build()));
        RoutedRequest request = board.submit("r-1", "billing", Urgency.NORMAL);
        ownedByGraceThenReopened(board, request);

        Router.Offer offer = board.next().orElseThrow();
        assertThat(offer.agent().id()).isEqualTo("grace");
        assertThat(offer.explanation().policy()).isEqualTo(Explanation.PREVIOUS_OWNER);
    }

    // Grace owned and resolved the request, and its customer reopened it at once, with a 2-minute window for her
    private static void ownedByGraceThenReopened(RoutingBoard board, RoutedRequest request) {
        request.offerTo("grace", Requests.explanation("grace"), board.clock.instant(),
                board.clock.instant().plusSeconds(120), Duration.ofMinutes(10));
        request.accept("grace", "Grace", 1, "en", 1, board.clock.instant());
        request.resolve("grace", "Refunded", board.clock.instant());
        request.reopen(new Standing(1, null), Duration.ofMinutes(10), Duration.ofMinutes(2), board.properties.sla(), board.clock.instant());
        board.saved(request);
    }

    @Test
    void anAgentGetsNoMoreCriticalRequestsAtOnceThanTheCapNorOneStraightAfterAnother() {
        RoutingBoard board = new RoutingBoard(Map.of(
                "tandem.routing.wellbeing.max-critical-at-once", "2",
                "tandem.routing.wellbeing.hard-case-cool-down", "5m"), List.of(
                agent("capped").skill("billing", 3).capacity(4).holding("c-1", Urgency.CRITICAL)
                        .holding("c-2", Urgency.CRITICAL).idleSince(RoutingBoard.START.minusSeconds(900)).build(),
                agent("resting").skill("billing", 3).hardCaseEndedAt(RoutingBoard.START.minusSeconds(60))
                        .idleSince(RoutingBoard.START.minusSeconds(600)).build(),
                agent("fresh").skill("billing", 3).idleSince(RoutingBoard.START).build()));
        board.submit("critical", "billing", Urgency.CRITICAL);

        Router.Offer offer = board.next().orElseThrow();

        assertThat(offer.agent().id()).isEqualTo("fresh");
        assertThat(offer.explanation().passedOver()).extracting(Explanation.PassedOver::agentId)
                .startsWith("capped", "resting");
        assertThat(offer.explanation().passedOver().getFirst().reason())
                .isEqualTo("holds 2 CRITICAL requests, the most at once");
    }

    @Test
    void theCapsLeaveOrdinaryRequestsAlone() {
        RoutingBoard board = new RoutingBoard(Map.of(), List.of(
                agent("capped").skill("billing", 3).capacity(4).holding("c-1", Urgency.CRITICAL)
                        .holding("c-2", Urgency.CRITICAL).build()));
        board.submit("normal", "billing", Urgency.NORMAL);

        assertThat(board.next().orElseThrow().agent().id()).isEqualTo("capped");
    }

    @Test
    void aLineNobodyCanServeDoesNotHoldUpTheOthersHoweverLongItIs() {
        RoutingBoard board = new RoutingBoard(Map.of(), List.of(agent("grace").skill("billing", 3).build()));
        IntStream.range(0, 5_000).forEach(i -> board.submit("de-" + i, "billing", "de", Urgency.CRITICAL));
        board.advance(Duration.ofSeconds(1));
        board.submit("en-1", "billing", "en", Urgency.LOW);

        assertThat(board.next().orElseThrow().member().id()).isEqualTo("en-1");
    }

    @Test
    void nobodyIsChosenWhenNobodyIsEligible() {
        RoutingBoard board = new RoutingBoard(Map.of(), List.of(
                agent("away").skill("billing", 3).presence(dev.tandem.routing.agent.AgentPresence.AWAY).build(),
                agent("full").skill("billing", 3).holding("x", Urgency.LOW).build(),
                agent("gone").skill("billing", 3).inactive().build(),
                agent("other-skill").skill("shipping", 3).build()));
        board.submit("r-1", "billing", Urgency.NORMAL);

        assertThat(board.next()).isEmpty();
    }

    @Test
    void anEscalationGoesToTheFirstFreeAgentOfThatTierOrHigherWhoServesTheQueueAndNeverToItsOwner() {
        RoutingBoard board = new RoutingBoard(STEPPED, List.of(
                agent("grace").skill("billing", 4).tier(3).build(),
                agent("specialist").skill("billing", 5).tier(2).build(),
                agent("senior-busy").skill("billing", 5).tier(3).holding("other", Urgency.LOW).build(),
                agent("senior-german").skill("billing", 5).tier(3).languages("de").build(),
                agent("senior-no-billing").skill("shipping", 5).tier(3).build(),
                agent("senior").skill("billing", 2).tier(3).idleSince(RoutingBoard.START.minusSeconds(60)).build(),
                agent("senior-idle-longer").skill("billing", 3).tier(3)
                        .idleSince(RoutingBoard.START.minusSeconds(600)).build()));
        RoutedRequest owned = ownedBy(board, "grace");

        Router.HandoffChoice choice = board.router.forHandoff(owned, new HandoffTarget(null, 3, null),
                board.clock.instant());

        assertThat(choice.agent().id()).isEqualTo("senior-idle-longer");
        assertThat(choice.why()).isEqualTo("Grace escalated it to tier 3; Agent senior-idle-longer: billing 3; speaks "
                + "en; tier 3; team general; first of 2 eligible by longest idle");
        Router.HandoffChoice toSpecialists = board.router.forHandoff(owned, new HandoffTarget(null, 2, null),
                board.clock.instant());
        assertThat(toSpecialists.agent().id()).as("tier 2 or higher, and idle longest").isEqualTo("specialist");
    }

    @Test
    void aTeamOrANamedColleagueWhoCannotTakeItNowIsRefusedWithTheReason() {
        RoutingBoard board = new RoutingBoard(STEPPED, List.of(
                agent("grace").skill("billing", 4).build(),
                agent("away").skill("billing", 4).team("billing-seniors").presence(AgentPresence.AWAY).build(),
                agent("colleague").skill("shipping", 1).team("billing-seniors").build()));
        RoutedRequest owned = ownedBy(board, "grace");

        assertThat(board.router.forHandoff(owned, new HandoffTarget(null, null, "billing-seniors"),
                board.clock.instant()).nobody()).isEqualTo("nobody of team billing-seniors who serves queue billing "
                + "in en is available with a slot free");
        assertThat(board.router.forHandoff(owned, new HandoffTarget("away", null, null), board.clock.instant())
                .nobody()).isEqualTo("agent away is not available with a slot free");
        Router.HandoffChoice named = board.router.forHandoff(owned, new HandoffTarget("colleague", null, null),
                board.clock.instant());
        assertThat(named.agent().id()).as("a named colleague needs no skill: the owner knows whom they ask")
                .isEqualTo("colleague");
        assertThat(named.why()).startsWith("Grace handed it to Agent colleague by name");
    }

    private static RoutedRequest ownedBy(RoutingBoard board, String agentId) {
        RoutedRequest request = board.submit("r-1", "billing", Urgency.NORMAL);
        request.offerTo(agentId, Requests.explanation(agentId), board.clock.instant(),
                board.clock.instant().plusSeconds(120), Requests.COOL_DOWN);
        request.accept(agentId, "Grace", 1, "en", 1, board.clock.instant());
        board.saved(request);
        return request;
    }
}
