package dev.tandem.routing.queue;

import java.time.Duration;
import java.util.List;

/**
 * A queue as supervisors read it.
 *
 * @param steps its relaxation steps in order, each with what it asks in words
 */
public record QueueView(String name, List<String> categories, List<SkillRequirement> skills, LanguageRule language,
                        SelectionPolicy policy, List<StepView> steps) {

    static QueueView of(QueueDefinition queue) {
        List<StepView> steps = queue.steps().stream().map(step -> new StepView(step.duration(),
                step.minProficiency(), step.tiers(), step.requireSkills(), step.describe(queue.skills()))).toList();
        return new QueueView(queue.name(), queue.categories(), queue.skills(), queue.language(), queue.policy(),
                steps);
    }

    /**
     * @param duration    how long a request stays at it; null for the last, which lasts
     * @param description what it asks, in words
     */
    public record StepView(Duration duration, Integer minProficiency, List<Integer> tiers, boolean requireSkills,
                           String description) {
    }
}
