package dev.tandem.routing.agent;

import com.fasterxml.jackson.annotation.JsonCreator;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/**
 * A skill of an agent, and how well they master it: 1 (learning) to 5 (expert). A console may send a bare name,
 * {@code "billing"}, for proficiency {@value #USUAL_PROFICIENCY}.
 */
public record Skill(@NotNull @Pattern(regexp = NAME_PATTERN, message = NAME_RULE) String name,
                    @Min(1) @Max(5) int proficiency) {

    /** What a skill, a queue and a category are named with. */
    public static final String NAME_PATTERN = "[a-z0-9][a-z0-9-]{0,39}";
    public static final String NAME_RULE = "must be lower-case letters, digits and dashes, at most 40";
    /** The proficiency of a skill given by name alone: a trained agent, neither learning nor expert. */
    public static final int USUAL_PROFICIENCY = 3;

    @JsonCreator(mode = JsonCreator.Mode.PROPERTIES)
    public Skill {
    }

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    static Skill named(String name) {
        return new Skill(name, USUAL_PROFICIENCY);
    }

    /** In the words of an explanation: "billing 4". */
    public String inWords() {
        return name + " " + proficiency;
    }
}
