package dev.tandem.routing.queue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * Every queue routing serves: the configured ones, and one for each category that none of them takes, made when the
 * first request of that category arrives. A configuration that contradicts itself stops the service at start with
 * the reason.
 */
@Component
public class QueueCatalog {

    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,39}");
    private static final List<Step> BUILT_IN_STEPS = List.of(
            new Step(Duration.ofMinutes(2), 3, List.of(), true),
            new Step(null, 1, List.of(), true));

    private final Map<String, QueueDefinition> byName = new ConcurrentHashMap<>();
    private final Map<String, QueueDefinition> byCategory = new ConcurrentHashMap<>();
    private final List<Step> defaultSteps;

    public QueueCatalog(QueueProperties properties) {
        this.defaultSteps = properties.defaultSteps() == null || properties.defaultSteps().isEmpty()
                ? BUILT_IN_STEPS : steps("default-steps", properties.defaultSteps());
        properties.queues().forEach((name, settings) -> add(define(name, settings)));
    }

    /** The queue that takes requests of the category: a configured one, or else one of its own. */
    public QueueDefinition forCategory(String category) {
        QueueDefinition configured = byCategory.get(category);
        if (configured != null) {
            return configured;
        }
        return byName.computeIfAbsent(category, name -> new QueueDefinition(name, List.of(category),
                List.of(new SkillRequirement(category, 1)), LanguageRule.PRIMARY_SUBTAG, SelectionPolicy.LONGEST_IDLE,
                defaultSteps));
    }

    /**
     * The queue by name. A queue of its own category that this instance has not met yet is made as on arrival: any
     * name that is a category names one.
     */
    public QueueDefinition named(String name) {
        QueueDefinition queue = byName.get(name);
        return queue != null ? queue : forCategory(name);
    }

    public Optional<QueueDefinition> find(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    /** Every queue known to this instance: the configured ones, and those made for categories seen so far. */
    public Collection<QueueDefinition> all() {
        return List.copyOf(new LinkedHashMap<>(byName).values());
    }

    private void add(QueueDefinition queue) {
        byName.put(queue.name(), queue);
        for (String category : queue.categories()) {
            QueueDefinition before = byCategory.putIfAbsent(category, queue);
            if (before != null) {
                throw new IllegalStateException("Category " + category + " is taken by two queues, " + before.name()
                        + " and " + queue.name() + ": give it to one (tandem.routing.queues)");
            }
        }
    }

    private QueueDefinition define(String name, QueueProperties.Queue settings) {
        requireName("queue", name);
        settings.categories().forEach(category -> requireName("category of queue " + name, category));
        List<SkillRequirement> skills = new ArrayList<>();
        settings.skills().forEach((skill, minimum) -> {
            requireName("skill of queue " + name, skill);
            skills.add(new SkillRequirement(skill, minimum));
        });
        List<Step> steps = settings.steps() == null || settings.steps().isEmpty()
                ? defaultSteps : steps("queue " + name, settings.steps());
        return new QueueDefinition(name, settings.categories(), skills, settings.language(), settings.policy(), steps);
    }

    private static List<Step> steps(String of, List<QueueProperties.StepSettings> settings) {
        List<Step> steps = settings.stream().map(QueueProperties.StepSettings::toStep).toList();
        for (int i = 0; i < steps.size() - 1; i++) {
            if (steps.get(i).duration() == null) {
                throw new IllegalStateException("Step " + (i + 1) + " of " + of + " has no duration, so the steps "
                        + "after it are never reached: give every step but the last a duration");
            }
        }
        if (steps.getLast().duration() != null) {
            throw new IllegalStateException("The last step of " + of + " has a duration, but the last step lasts "
                    + "until the request is accepted: leave its duration out");
        }
        return steps;
    }

    private static void requireName(String what, String name) {
        if (!NAME.matcher(name).matches()) {
            throw new IllegalStateException("The " + what + " '" + name + "' must be lower-case letters, digits and "
                    + "dashes, at most 40 (tandem.routing.queues)");
        }
    }
}
