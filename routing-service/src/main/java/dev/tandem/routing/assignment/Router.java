package dev.tandem.routing.assignment;

import dev.tandem.contracts.intake.Urgency;
import dev.tandem.routing.agent.Agent;
import dev.tandem.routing.agent.Agents;
import dev.tandem.routing.agent.Skill;
import dev.tandem.routing.assignment.Explanation.PassedOver;
import dev.tandem.routing.assignment.LineBook.Verdict;
import dev.tandem.routing.queue.QueueCatalog;
import dev.tandem.routing.queue.QueueDefinition;
import dev.tandem.routing.queue.SelectionPolicy;
import dev.tandem.routing.queue.Step;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Decides the next offer: which waiting request goes to which agent, and why. It reads nothing from the store: the
 * waiting requests come from the {@link LineBook}, the agents from this instance's picture in {@link Agents}, so a
 * decision costs the same with a hundred thousand requests waiting as with ten.
 * <p>
 * Requests are looked at in serving order ({@link Priority}). A request goes to the eligible agent first by its
 * queue's {@link SelectionPolicy}: eligible means at work with a slot free, meeting what the step in force asks
 * (language, tier, skills and proficiency), not having declined it within the cool-down, and within the wellbeing
 * caps for a CRITICAL request. A reopened request goes to its previous owner alone while it waits for them.
 */
@Component
class Router {

    private static final int PASSED_OVER_SHOWN = 3;

    private final Agents agents;
    private final QueueCatalog catalog;
    private final LineBook book;
    private final RoutingProperties properties;

    Router(Agents agents, QueueCatalog catalog, LineBook book, RoutingProperties properties) {
        this.agents = agents;
        this.catalog = catalog;
        this.book = book;
        this.properties = properties;
    }

    /** The next offer to make, or empty when no waiting request has an eligible agent free. */
    Optional<Offer> next(Instant now) {
        Map<Candidates.Key, Candidates> candidates = new HashMap<>();
        return book.firstTaken(now, (step, member) -> judge(step, member, candidates, now));
    }

    /**
     * Whether every agent at work who meets what the request's step in force asks has declined it, within the
     * cool-down. False when nobody at work meets it at all: then only time relaxes the request.
     */
    boolean allEligibleDeclined(RoutedRequest request, Instant now) {
        QueueDefinition queue = catalog.named(request.queue());
        Step step = queue.step(request.stepInForce(queue, now).index());
        List<Agent> meeting = agents.available().stream()
                .filter(agent -> Eligibility.meets(agent, queue, step, request.language())).toList();
        return !meeting.isEmpty() && meeting.stream().allMatch(agent ->
                request.wasDeclinedBy(agent.id(), now, properties.declineCoolDown()));
    }

    private Verdict<Offer> judge(int stepIndex, LineMember member, Map<Candidates.Key, Candidates> cache,
                                 Instant now) {
        QueueDefinition queue = catalog.named(member.line().queue());
        if (member.waitsForPreviousOwner(now)) {
            return previousOwner(queue, stepIndex, member, now);
        }
        Step step = queue.step(stepIndex);
        Candidates candidates = cache.computeIfAbsent(new Candidates.Key(member.line(), stepIndex),
                key -> candidates(queue, step, member.language()));
        if (candidates.eligible().isEmpty()) {
            return Verdict.skipStep();
        }
        List<PassedOver> passedOver = new ArrayList<>();
        for (int i = 0; i < candidates.eligible().size(); i++) {
            Agent agent = candidates.eligible().get(i);
            Optional<String> refusal = refusal(agent, member, now);
            if (refusal.isPresent()) {
                passedOver.add(new PassedOver(agent.id(), refusal.get()));
                continue;
            }
            candidates.eligible().stream().skip(i + 1L).limit(PASSED_OVER_SHOWN)
                    .forEach(next -> passedOver.add(new PassedOver(next.id(), rankedLower(queue.policy(), next))));
            passedOver.addAll(candidates.refused());
            return Verdict.take(new Offer(member, agent, new Explanation(queue.name(), stepIndex + 1,
                    step.describe(queue.skills()), queue.policy().name(), candidates.eligible().size(),
                    agent.id(), Eligibility.matchingSkills(agent, queue), agent.tier(),
                    Eligibility.speaking(agent, queue, member.language()).orElse(member.language()),
                    List.copyOf(passedOver.subList(0, Math.min(passedOver.size(), 2 * PASSED_OVER_SHOWN))))));
        }
        // everyone who could take requests of this line and step declined this one, or is capped for it
        return Verdict.next();
    }

    private Verdict<Offer> previousOwner(QueueDefinition queue, int stepIndex, LineMember member, Instant now) {
        Optional<Agent> owner = agents.known(member.previousOwnerId())
                .filter(agent -> agent.takesOffers() && refusal(agent, member, now).isEmpty());
        return owner.map(agent -> Verdict.take(new Offer(member, agent, new Explanation(queue.name(), stepIndex + 1,
                "its previous owner, until " + member.knownAgentUntil(), Explanation.PREVIOUS_OWNER, 1, agent.id(),
                Eligibility.matchingSkills(agent, queue), agent.tier(),
                Eligibility.speaking(agent, queue, member.language()).orElse(member.language()), List.of()))))
                .orElseGet(Verdict::next);
    }

    // what keeps an agent who meets the step from this one request
    private Optional<String> refusal(Agent agent, LineMember member, Instant now) {
        if (agent.holds(member.id())) {
            return Optional.of("holds it already");
        }
        if (member.wasDeclinedBy(agent.id(), now, properties.declineCoolDown())) {
            return Optional.of("declined it less than " + properties.declineCoolDown().toMinutes() + " min ago");
        }
        return wellbeingRefusal(agent, member.urgency(), now);
    }

    // what keeps a hard case from an agent for their wellbeing
    private Optional<String> wellbeingRefusal(Agent agent, Urgency urgency, Instant now) {
        if (urgency == Urgency.CRITICAL) {
            RoutingProperties.Wellbeing wellbeing = properties.wellbeing();
            if (agent.criticalInHand() >= wellbeing.maxCriticalAtOnce()) {
                return Optional.of("holds " + agent.criticalInHand() + " CRITICAL requests, the most at once");
            }
            if (agent.hardCaseEndedAt() != null
                    && now.isBefore(agent.hardCaseEndedAt().plus(wellbeing.hardCaseCoolDown()))) {
                return Optional.of("finished a CRITICAL request at " + agent.hardCaseEndedAt()
                        + ", within the cool-down before the next");
            }
        }
        return Optional.empty();
    }

    /**
     * Whom to hand an owned request to: the named colleague, if they can take it now; or, for a tier or a team, the
     * first by the queue's policy of those at work with a slot free, in that tier or higher or in that team, who
     * speak the customer's language and have the queue's skills. Either way within the wellbeing caps, and never
     * its owner.
     *
     * @return the colleague and why, or why nobody can take it now
     */
    HandoffChoice forHandoff(RoutedRequest request, HandoffTarget target, Instant now) {
        QueueDefinition queue = catalog.named(request.queue());
        String language = request.language();
        if (target.agentId() != null) {
            Optional<Agent> named = agents.known(target.agentId());
            Optional<String> refusal = named.isEmpty() ? Optional.of("is not known to routing")
                    : namedRefusal(named.get(), request, queue, now);
            return refusal.map(why -> HandoffChoice.nobody("agent " + target.agentId() + " " + why))
                    .orElseGet(() -> new HandoffChoice(named.get(), request.ownerName() + " handed it to "
                            + named.get().name() + " by name; " + qualities(named.get(), queue, language), null));
        }
        List<Agent> pool = queue.skills().isEmpty() ? agents.withFreeSlots()
                : agents.withFreeSlots(queue.skills().getFirst().skill());
        List<Agent> eligible = pool.stream()
                .filter(agent -> !agent.id().equals(request.ownerId()) && !agent.holds(request.id()))
                .filter(agent -> target.tier() != null ? agent.tier() >= target.tier()
                        : agent.team().equals(target.team()))
                .filter(agent -> Eligibility.meets(agent, queue, Step.asRequired(), language))
                .filter(agent -> wellbeingRefusal(agent, request.urgency(), now).isEmpty())
                .sorted(order(queue)).toList();
        if (eligible.isEmpty()) {
            return HandoffChoice.nobody("nobody of " + target.describe() + " who serves queue " + queue.name()
                    + " in " + language + " is available with a slot free");
        }
        Agent chosen = eligible.getFirst();
        return new HandoffChoice(chosen, request.ownerName() + " escalated it to " + target.describe() + "; "
                + qualities(chosen, queue, language) + "; first of " + eligible.size() + " eligible by "
                + queue.policy().name().toLowerCase().replace('_', ' '), null);
    }

    // what keeps a colleague the owner named from taking the request now
    private Optional<String> namedRefusal(Agent agent, RoutedRequest request, QueueDefinition queue, Instant now) {
        if (!agent.takesOffers()) {
            return Optional.of("is not available with a slot free");
        }
        if (Eligibility.speaking(agent, queue, request.language()).isEmpty()) {
            return Optional.of("does not speak " + request.language());
        }
        return wellbeingRefusal(agent, request.urgency(), now);
    }

    private static String qualities(Agent agent, QueueDefinition queue, String language) {
        List<String> skills = Eligibility.matchingSkills(agent, queue).stream()
                .map(Skill::inWords).toList();
        return agent.name() + ": " + (skills.isEmpty() ? "no skill asked" : String.join(", ", skills)) + "; speaks "
                + Eligibility.speaking(agent, queue, language).orElse(language) + "; tier " + agent.tier()
                + "; team " + agent.team();
    }

    private Candidates candidates(QueueDefinition queue, Step step, String language) {
        List<Agent> pool = step.requireSkills() && !queue.skills().isEmpty()
                ? agents.withFreeSlots(queue.skills().getFirst().skill()) : agents.withFreeSlots();
        List<Agent> eligible = new ArrayList<>();
        List<PassedOver> refused = new ArrayList<>();
        for (Agent agent : pool) {
            Optional<String> refusal = Eligibility.refusal(agent, queue, step, language);
            if (refusal.isEmpty()) {
                eligible.add(agent);
            } else if (refused.size() < PASSED_OVER_SHOWN) {
                refused.add(new PassedOver(agent.id(), refusal.get()));
            }
        }
        eligible.sort(order(queue));
        return new Candidates(eligible, refused);
    }

    /** The order the queue's policy puts eligible agents in, first chosen first. */
    static Comparator<Agent> order(QueueDefinition queue) {
        // an eligible agent always has an idle time, set when they become available; the id keeps ties stable
        Comparator<Agent> longestIdle = Comparator
                .comparing(Agent::idleSince, Comparator.nullsFirst(Comparator.naturalOrder()))
                .thenComparingInt(Agent::slotsInUse)
                .thenComparing(Agent::id);
        return switch (queue.policy()) {
            case LONGEST_IDLE -> longestIdle;
            case BEST_PROFICIENCY -> Comparator.comparingInt((Agent agent) ->
                    -Eligibility.proficiencyScore(agent, queue)).thenComparing(longestIdle);
            case FEWEST_IN_HAND -> Comparator.comparingInt(Agent::slotsInUse).thenComparing(longestIdle);
        };
    }

    private static String rankedLower(SelectionPolicy policy, Agent agent) {
        return "ranked lower by " + policy.name().toLowerCase().replace('_', ' ') + ": idle since " + agent.idleSince()
                + ", " + agent.slotsInUse() + " of " + agent.capacity() + " slots in use";
    }

    /**
     * The colleague a handoff goes to, and why; or, with no colleague, why nobody can take it now.
     */
    record HandoffChoice(Agent agent, String why, String nobody) {

        static HandoffChoice nobody(String why) {
            return new HandoffChoice(null, null, why);
        }
    }

    /**
     * An offer to make.
     *
     * @param explanation why this agent, kept with the request and published when they accept
     */
    record Offer(LineMember member, Agent agent, Explanation explanation) {
    }

    // the agents free who meet what a line's step asks, in the order of the queue's policy, and a few who do not
    private record Candidates(List<Agent> eligible, List<PassedOver> refused) {

        record Key(Line line, int step) {
        }
    }
}
