package dev.tandem.routing.agent;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * A supervisor's change to an agent's profile, as a JSON merge patch: what is left out stays as it is. It takes
 * effect for the next offer, and takes away no request the agent holds already.
 *
 * @param skills   the agent's skills from now on, replacing the ones before
 * @param active   false deactivates the agent: they are offered nothing more, and keep what they hold; true takes them
 *                 back
 * @param capacity how many requests they may hold at once; lowering it below what they hold leaves those with them
 */
record ChangeAgent(@Size(min = 1, max = 20) List<@NotNull @Valid Skill> skills,
                   @Min(1) @Max(3) Integer tier,
                   @Pattern(regexp = Skill.NAME_PATTERN, message = Skill.NAME_RULE) String team,
                   @Min(1) @Max(20) Integer capacity,
                   Boolean active) {

    Agent applyTo(Agent agent) {
        return new Agent(agent.id(), agent.name(), skills != null ? skills : agent.skills(), agent.languages(),
                tier != null ? tier : agent.tier(), team != null ? team : agent.team(),
                capacity != null ? capacity : agent.capacity(), active != null ? active : agent.active(),
                agent.presence(), agent.presenceSince(), agent.activeRequests(), agent.freeSlots(), agent.idleSince(),
                agent.hardCaseEndedAt(), agent.revision(), agent.changedAt(), agent.changes());
    }
}
