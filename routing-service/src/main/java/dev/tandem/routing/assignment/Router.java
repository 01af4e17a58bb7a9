package dev.tandem.routing.assignment;

import dev.tandem.routing.agent.Agent;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Chooses the agent a waiting request is offered to, and says why in words an operator can read. */
final class Router {

    // an eligible agent always has an idle time, set when they become available; the id keeps ties stable
    private static final Comparator<Agent> PREFERENCE = Comparator
            .comparing(Agent::idleSince, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparingInt(Agent::slotsInUse)
            .thenComparing(Agent::id);

    private Router() {
    }

    /**
     * The eligible agent idle longest, then with fewest requests in hand.
     *
     * @return the choice, or empty when nobody eligible is among the agents
     */
    static Optional<Choice> choose(RoutedRequest request, Collection<Agent> agents) {
        List<Agent> eligible = agents.stream().filter(agent -> isEligible(agent, request)).sorted(PREFERENCE).toList();
        if (eligible.isEmpty()) {
            return Optional.empty();
        }
        Agent chosen = eligible.getFirst();
        return Optional.of(new Choice(chosen, reason(request, chosen, eligible)));
    }

    /** Available, with the skill, the language and a free slot, and has neither declined nor got the request. */
    static boolean isEligible(Agent agent, RoutedRequest request) {
        return agent.canServe(request.queue(), request.language()) && !request.wasDeclinedBy(agent.id())
                && !agent.holds(request.id());
    }

    private static String reason(RoutedRequest request, Agent chosen, List<Agent> eligible) {
        return "has skill %s, speaks %s, %d of %d slots in use, %s".formatted(request.queue(),
                chosen.speaking(request.language()).orElseThrow(), chosen.slotsInUse(), chosen.capacity(),
                preference(chosen, eligible));
    }

    private static String preference(Agent chosen, List<Agent> eligible) {
        if (eligible.size() == 1) {
            return "the only eligible agent";
        }
        boolean tiedOnIdleTime = Objects.equals(chosen.idleSince(), eligible.get(1).idleSince());
        return (tiedOnIdleTime ? "idle longest with fewest slots in use of " : "idle longest of ")
                + eligible.size() + " eligible agents";
    }

    /**
     * Whom to offer a request to.
     *
     * @param reason why this agent, kept with the request and published when they accept
     */
    record Choice(Agent agent, String reason) {
    }
}
