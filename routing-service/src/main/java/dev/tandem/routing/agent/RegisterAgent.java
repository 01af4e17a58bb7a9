package dev.tandem.routing.agent;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * What a supervisor's console sends to add an agent.
 *
 * @param id        the agent's user id at the identity provider, the subject of their access tokens; when it is
 *                  left out routing makes one up, which the agent's login must then carry as its subject
 * @param skills    the queues the agent serves; the same names as the requests' categories
 * @param languages BCP 47 tags such as {@code en} or {@code pt-BR}; the primary subtag is what must match
 * @param capacity  how many requests the agent may hold at once, offered or owned
 */
record RegisterAgent(
        @Pattern(regexp = Agent.ID_PATTERN, message = Agent.ID_RULE) String id,
        @NotBlank @Size(max = 100) String name,
        @NotNull @Size(min = 1, max = 20) List<@NotNull @Pattern(regexp = "[a-z0-9][a-z0-9-]{0,39}",
                message = "must be lower-case letters, digits and dashes, at most 40") String> skills,
        @NotNull @Size(min = 1, max = 10) List<@NotNull @Pattern(regexp = "[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8}){0,3}",
                message = "must be a language tag such as en or pt-BR") String> languages,
        @NotNull @Min(1) @Max(20) Integer capacity) {
}
