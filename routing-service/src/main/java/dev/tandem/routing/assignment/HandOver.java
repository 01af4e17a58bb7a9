package dev.tandem.routing.assignment;

import dev.tandem.platform.web.FieldError;
import dev.tandem.platform.web.InvalidRequestException;
import dev.tandem.routing.agent.Agent;
import io.swagger.v3.oas.annotations.media.Schema;
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
 * What the owner, or a supervisor for them, sends to hand a request to a colleague: whom to, and the part of the
 * handoff packet only the owner knows. Routing adds the customer's own words, language, accessibility notes and
 * preferences, the standing promise of the next update, and the owners so far.
 *
 * @param agentId    who hands it over: the caller when left out; a supervisor names the owner
 * @param to         whom to: exactly one of a named colleague, a tier (that or higher), or a team
 * @param summary    the problem as the owner understands it, for the colleague
 * @param stepsTried what was tried already, in order
 * @param promises   what the customer was promised and by when, beyond the promise of the next update
 */
record HandOver(
        @Pattern(regexp = Agent.ID_PATTERN, message = Agent.ID_RULE) String agentId,
        @NotNull @Valid To to,
        @Schema(example = "Charged twice for the October invoice; the card issuer shows both charges as settled.")
        @NotBlank @Size(max = 2000) String summary,
        @Size(max = 20) List<@NotBlank @Size(max = 500) String> stepsTried,
        @Size(max = 10) List<@Valid PromiseMade> promises) {

    /** The target, after checking that exactly one is given. */
    HandoffTarget target() {
        int given = (to.agentId() != null ? 1 : 0) + (to.tier() != null ? 1 : 0) + (to.team() != null ? 1 : 0);
        if (given != 1) {
            throw new InvalidRequestException(List.of(new FieldError("to",
                    "must name exactly one of agentId, tier and team")));
        }
        return new HandoffTarget(to.agentId(), to.tier(), to.team());
    }

    List<HandoffPacket.Promise> promisesMade() {
        return promises == null ? List.of()
                : promises.stream().map(made -> new HandoffPacket.Promise(made.promise(), made.by())).toList();
    }

    /**
     * Whom the request goes to.
     *
     * @param agentId a named colleague: a transfer
     * @param tier    1 first line, 2 specialist, 3 senior: an escalation to whoever of that tier or higher is free
     * @param team    an escalation to whoever of that team is free
     */
    record To(@Pattern(regexp = Agent.ID_PATTERN, message = Agent.ID_RULE) String agentId,
              @Min(1) @Max(3) Integer tier,
              @Size(min = 1, max = 64) String team) {
    }

    /**
     * A promise made to the customer.
     *
     * @param promise what was promised
     * @param by      when it is due
     */
    record PromiseMade(@Schema(example = "a refund of the second charge") @NotBlank @Size(max = 500) String promise,
                       @Schema(example = "2026-12-05T17:00:00Z") @NotNull Instant by) {
    }
}
