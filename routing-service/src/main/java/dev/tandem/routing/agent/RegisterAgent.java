package dev.tandem.routing.agent;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;

/**
 * What a supervisor's console sends to add an agent.
 *
 * @param id        the agent's user id at the identity provider, the subject of their access tokens; when it is
 *                  left out routing makes one up, which the agent's login must then carry as its subject
 * @param skills    the skills the agent has, each with a proficiency 1 to 5, or by name alone for proficiency 3;
 *                  the same names as the skills the queues ask for
 * @param languages BCP 47 tags such as {@code en} or {@code pt-BR}; the primary subtag is what must match
 * @param tier      1 first line (the default), 2 specialist, 3 senior
 * @param team      the agent's team; {@value Agent#DEFAULT_TEAM} when left out
 * @param capacity  how many requests the agent may hold at once, offered or owned
 */
record RegisterAgent(
        @Pattern(regexp = Agent.ID_PATTERN, message = Agent.ID_RULE) String id,
        @NotBlank @Size(max = 100) String name,
        @NotNull @Size(min = 1, max = 20) List<@NotNull @Valid Skill> skills,
        @NotNull @Size(min = 1, max = 10) List<@NotNull @Pattern(regexp = LANGUAGE_PATTERN,
                message = "must be a language tag such as en or pt-BR") String> languages,
        @Min(1) @Max(3) Integer tier,
        @Pattern(regexp = Skill.NAME_PATTERN, message = Skill.NAME_RULE) String team,
        @NotNull @Min(1) @Max(20) Integer capacity) {

    static final String LANGUAGE_PATTERN = "[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8}){0,3}";

    Agent toAgent(String agentId, Instant now) {
        return Agent.register(agentId, name, skills, languages, tier == null ? 1 : tier, team, capacity, now);
    }
}
