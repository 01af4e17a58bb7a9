package dev.tandem.routing.assignment;

import dev.tandem.routing.agent.Agent;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * What the owner, or a supervisor for them, sends to resolve a request.
 *
 * @param agentId who resolves it: the caller when left out; a supervisor names the owner
 * @param summary what was done, written for the customer
 */
record ResolveRequest(
        @Pattern(regexp = Agent.ID_PATTERN, message = Agent.ID_RULE) String agentId,
        @NotBlank @Size(max = 2000) String summary) {
}
