package dev.tandem.routing.assignment;

import dev.tandem.routing.agent.Agent;
import dev.tandem.routing.agent.Skill;
import dev.tandem.routing.queue.QueueDefinition;
import dev.tandem.routing.queue.SkillRequirement;
import dev.tandem.routing.queue.Step;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/** Whether an agent meets what a queue asks at a step, and if not, why not, in words. */
final class Eligibility {

    private Eligibility() {
    }

    /**
     * Why the agent does not meet what the queue asks of a request in the language at the step, whatever the
     * agent's presence and slots; empty when they meet it.
     */
    static Optional<String> refusal(Agent agent, QueueDefinition queue, Step step, String language) {
        if (speaking(agent, queue, language).isEmpty()) {
            return Optional.of("does not speak " + language);
        }
        if (!step.admitsTier(agent.tier())) {
            return Optional.of("tier " + agent.tier() + ", the step asks tier "
                    + String.join(" or ", step.tiers().stream().map(String::valueOf).toList()));
        }
        if (step.requireSkills()) {
            for (SkillRequirement required : queue.skills()) {
                OptionalInt proficiency = agent.proficiency(required.skill());
                int minimum = step.minimumFor(required);
                if (proficiency.isEmpty()) {
                    return Optional.of("lacks skill " + required.skill());
                }
                if (proficiency.getAsInt() < minimum) {
                    return Optional.of(required.skill() + " " + proficiency.getAsInt() + ", the step asks "
                            + minimum + " or more");
                }
            }
        }
        return Optional.empty();
    }

    static boolean meets(Agent agent, QueueDefinition queue, Step step, String language) {
        return refusal(agent, queue, step, language).isEmpty();
    }

    /** Whether the agent could take the queue's requests in the language at some step. */
    static boolean servesAtAll(Agent agent, QueueDefinition queue, String language) {
        return queue.steps().stream().anyMatch(step -> meets(agent, queue, step, language));
    }

    /** The agent's language that serves the customer's, by the queue's language rule. */
    static Optional<String> speaking(Agent agent, QueueDefinition queue, String language) {
        return agent.languages().stream().filter(spoken -> queue.language().matches(spoken, language)).findFirst();
    }

    /** The agent's proficiency in each skill the queue asks for that they have. */
    static List<Skill> matchingSkills(Agent agent, QueueDefinition queue) {
        List<Skill> matching = new ArrayList<>();
        for (SkillRequirement required : queue.skills()) {
            agent.proficiency(required.skill()).ifPresent(level -> matching.add(new Skill(required.skill(), level)));
        }
        return matching;
    }

    /** The sum of the agent's proficiencies in the queue's skills, for the best-proficiency policy. */
    static int proficiencyScore(Agent agent, QueueDefinition queue) {
        int score = 0;
        for (SkillRequirement required : queue.skills()) {
            score += agent.proficiency(required.skill()).orElse(0);
        }
        return score;
    }
}
