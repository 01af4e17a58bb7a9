package dev.tandem.routing.queue;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A queue: a named routing policy. It takes the requests of its categories, asks its agents for its skills and the
 * customer's language, chooses among the eligible by its policy, and relaxes what it asks step by step while a
 * request waits.
 *
 * @param categories the request categories it takes
 * @param skills     what it asks of an agent, each skill with its least proficiency (a step may ask more or less)
 * @param steps      its relaxation steps, strictest first; the last one lasts
 */
public record QueueDefinition(String name, List<String> categories, List<SkillRequirement> skills,
                              LanguageRule language, SelectionPolicy policy, List<Step> steps) {

    public QueueDefinition {
        categories = List.copyOf(categories);
        skills = List.copyOf(skills);
        steps = steps.isEmpty() ? List.of(Step.asRequired()) : List.copyOf(steps);
    }

    public Step step(int index) {
        return steps.get(Math.min(index, steps.size() - 1));
    }

    public int lastStep() {
        return steps.size() - 1;
    }

    /**
     * The step in force at {@code now} for a request that reached step {@code reached} at {@code since}: from there
     * it moves on each time a step's duration runs out.
     */
    public StepInForce stepAt(int reached, Instant since, Instant now) {
        int index = Math.min(reached, lastStep());
        Instant start = since;
        while (steps.get(index).duration() != null && index < lastStep()
                && !now.isBefore(start.plus(steps.get(index).duration()))) {
            start = start.plus(steps.get(index).duration());
            index++;
        }
        return new StepInForce(index, start, endOf(index, start));
    }

    private Instant endOf(int index, Instant start) {
        Step step = steps.get(index);
        return index == lastStep() || step.duration() == null ? null : start.plus(step.duration());
    }

    /** The step a request moves to at once from {@code current}, because every eligible agent declined it. */
    public StepInForce relaxedFrom(int current, Instant now) {
        int next = Math.min(current + 1, lastStep());
        return new StepInForce(next, now, endOf(next, now));
    }

    /**
     * The step a request escalates to from {@code current} as it nears its time-to-owner target: the first later
     * step that takes a tier above every tier the current one takes. Empty when the current step takes every tier
     * already, or no later step takes a higher one.
     */
    public Optional<StepInForce> escalatedFrom(int current, Instant now) {
        Step from = step(current);
        if (from.tiers().isEmpty()) {
            return Optional.empty();
        }
        int highest = from.tiers().stream().mapToInt(Integer::intValue).max().orElseThrow();
        for (int next = current + 1; next <= lastStep(); next++) {
            Step candidate = steps.get(next);
            if (candidate.tiers().isEmpty() || candidate.tiers().stream().anyMatch(tier -> tier > highest)) {
                return Optional.of(new StepInForce(next, now, endOf(next, now)));
            }
        }
        return Optional.empty();
    }

    /**
     * The step a request is at, and since when.
     *
     * @param endsAt when it moves to the next step by itself; null at the last step
     */
    public record StepInForce(int index, Instant since, Instant endsAt) {
    }
}
