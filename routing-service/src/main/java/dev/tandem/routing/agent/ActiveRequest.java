package dev.tandem.routing.agent;

import java.time.Instant;

/**
 * One of an agent's slots, reserved for a request that is offered to or owned by the agent.
 *
 * @param since when the slot was reserved; with the request id it names the reservation, so that releasing
 *              a stale one can never free a newer reservation for the same request
 */
public record ActiveRequest(String requestId, Instant since) {
}
