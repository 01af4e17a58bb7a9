package dev.tandem.routing.queue;

import java.time.Duration;
import java.util.List;
import java.util.StringJoiner;

/**
 * One step of a queue's relaxation: what it asks of an agent, for how long. A waiting request starts at its queue's
 * first step and moves to the next when its time in the current one runs out, or at once when every eligible agent
 * has declined it; the last step lasts until the request is accepted.
 *
 * @param duration       how long a request stays at this step; null for the last step, which lasts
 * @param minProficiency the least proficiency in each of the queue's skills; null for the queue's own minimums
 * @param tiers          the tiers whose agents may take it (1 first line, 2 specialist, 3 senior); empty for any
 * @param requireSkills  false to drop the skills altogether: any agent who speaks the language may take it
 */
public record Step(Duration duration, Integer minProficiency, List<Integer> tiers, boolean requireSkills) {

    public Step {
        tiers = tiers == null ? List.of() : List.copyOf(tiers);
    }

    /** The step of a queue that has no relaxation: the queue's own requirements, for as long as it takes. */
    public static Step asRequired() {
        return new Step(null, null, List.of(), true);
    }

    /** The least proficiency this step asks in a skill the queue requires at {@code queueMinimum}. */
    public int minimumFor(SkillRequirement requirement) {
        return minProficiency != null ? minProficiency : requirement.minProficiency();
    }

    public boolean admitsTier(int tier) {
        return tiers.isEmpty() || tiers.contains(tier);
    }

    /** What it asks, in words: "proficiency 3 or more, tier 1, for 60 s". */
    public String describe(List<SkillRequirement> skills) {
        StringJoiner words = new StringJoiner(", ");
        if (!requireSkills) {
            words.add("any agent who speaks the language");
        } else {
            skills.forEach(skill -> words.add(skill.skill() + " " + minimumFor(skill) + " or more"));
        }
        if (!tiers.isEmpty()) {
            words.add("tier " + String.join(" or ", tiers.stream().map(String::valueOf).toList()));
        }
        words.add(duration == null ? "until accepted" : "for " + Durations.words(duration));
        return words.toString();
    }
}
