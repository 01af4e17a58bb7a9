package dev.tandem.routing.queue;

/**
 * A skill a queue asks of its agents.
 *
 * @param minProficiency the least proficiency, 1 to 5, unless the step in force asks another
 */
public record SkillRequirement(String skill, int minProficiency) {
}
