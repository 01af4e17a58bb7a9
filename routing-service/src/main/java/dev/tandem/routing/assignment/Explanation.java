package dev.tandem.routing.assignment;

import dev.tandem.routing.agent.Skill;
import java.util.List;

/**
 * Why a request was offered to an agent: what the queue asked at the step in force, how many agents could take it,
 * what the chosen one brings, and who was passed over and why.
 *
 * @param step            the step in force, 1 for the first
 * @param stepDescription what that step asks, in words
 * @param policy          how the chosen one was picked among the eligible: the queue's {@code SelectionPolicy}, or
 *                        {@value #PREVIOUS_OWNER}
 * @param eligible        how many agents could have been offered it
 * @param matchingSkills  the chosen agent's proficiency in each skill the queue asks for
 * @param passedOver      a few of the agents not chosen, the closest first, each with the reason
 */
record Explanation(String queue, int step, String stepDescription, String policy, int eligible, String agentId,
                   List<Skill> matchingSkills, int tier, String language, List<PassedOver> passedOver) {

    static final String PREVIOUS_OWNER = "PREVIOUS_OWNER";

    /** The explanation in one sentence, as the assignment event and the logs carry it. */
    String sentence() {
        String skills = matchingSkills.isEmpty() ? "no skill asked"
                : String.join(", ", matchingSkills.stream().map(Skill::inWords).toList());
        String how = PREVIOUS_OWNER.equals(policy) ? "the previous owner, offered first"
                : eligible == 1 ? "the only eligible agent"
                : "first of " + eligible + " eligible agents by " + policy.toLowerCase().replace('_', ' ');
        return "%s; speaks %s; tier %d; %s (queue %s, step %d: %s)".formatted(skills, language, tier, how, queue, step,
                stepDescription);
    }

    /** An agent who was not chosen, and why. */
    record PassedOver(String agentId, String reason) {
    }
}
