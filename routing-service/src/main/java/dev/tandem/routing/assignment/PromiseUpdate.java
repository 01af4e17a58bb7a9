package dev.tandem.routing.assignment;

import dev.tandem.routing.agent.Agent;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;

/**
 * What the owner, or a supervisor for them, sends to promise the customer their next update.
 *
 * @param agentId      who promises: the caller when left out; a supervisor names the owner
 * @param nextUpdateBy when the customer will hear from the owner at the latest: later than now, and at most
 *                     {@value Assignments#LONGEST_PROMISE_DAYS} days ahead
 * @param note         what the owner is waiting for or working on, written for the customer; optional
 */
record PromiseUpdate(
        @Pattern(regexp = Agent.ID_PATTERN, message = Agent.ID_RULE) String agentId,
        @Schema(example = "2026-11-24T12:00:00Z") @NotNull Instant nextUpdateBy,
        @Schema(example = "Your bank has been asked to confirm the second charge; they usually answer within a day.")
        @Size(max = 500) String note) {

    /** The note without surrounding blanks, or null when there is none. */
    String noteOrNull() {
        return note == null || note.isBlank() ? null : note.strip();
    }
}
