package dev.tandem.routing.assignment;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * What the owner sends to resolve a request.
 *
 * @param summary what was done, written for the customer
 */
record ResolveRequest(@NotBlank String agentId, @NotBlank @Size(max = 2000) String summary) {
}
