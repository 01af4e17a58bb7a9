package dev.tandem.routing.queue;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The queues routing serves, by name. A category that no queue names gets a queue of its own, named after it, which
 * asks for the skill of the same name and relaxes by {@code default-steps}.
 *
 * @param queues       the configured queues by name (lower-case letters, digits and dashes)
 * @param defaultSteps the relaxation steps of a queue that lists none; without them, the skill at proficiency 3 or
 *                     more for 2 minutes, then at any proficiency
 */
@Validated
@ConfigurationProperties("tandem.routing")
public record QueueProperties(@DefaultValue Map<String, @Valid Queue> queues, List<@Valid StepSettings> defaultSteps) {

    /**
     * One queue.
     *
     * @param categories the request categories it takes; each category belongs to one queue at most
     * @param skills     the skills it asks for, each with its least proficiency (1 to 5)
     * @param language   how an agent's languages must match the customer's
     * @param policy     which eligible agent it offers a request to
     * @param steps      its relaxation steps, strictest first; only the last has no duration
     */
    public record Queue(@NotEmpty List<String> categories, @NotEmpty Map<String, @Min(1) @Max(5) Integer> skills,
                        @DefaultValue("primary-subtag") LanguageRule language,
                        @DefaultValue("longest-idle") SelectionPolicy policy, List<@Valid StepSettings> steps) {
    }

    /**
     * One relaxation step.
     *
     * @param duration       how long a request stays at it; leave it out for the last step, which lasts
     * @param minProficiency the least proficiency it asks in each of the queue's skills; the queue's own when left
     *                       out
     * @param tiers          the agent tiers it admits; any when left out
     * @param requireSkills  false to drop the skills: any agent who speaks the language
     */
    public record StepSettings(@DurationMin(millis = 1) Duration duration, @Min(1) @Max(5) Integer minProficiency,
                               List<@Min(1) @Max(3) Integer> tiers, @DefaultValue("true") boolean requireSkills) {

        Step toStep() {
            return new Step(duration, minProficiency, tiers, requireSkills);
        }
    }
}
