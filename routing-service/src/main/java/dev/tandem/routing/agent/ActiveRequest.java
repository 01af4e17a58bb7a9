package dev.tandem.routing.agent;

import dev.tandem.contracts.intake.Urgency;
import java.time.Instant;

/**
 * One of an agent's slots, reserved for a request that is offered to or owned by the agent.
 *
 * @param since   when the slot was reserved; with the request id it names the reservation, so that releasing
 *                a stale one can never free a newer reservation for the same request
 * @param urgency the request's urgency, for the wellbeing cap on CRITICAL requests at once
 */
public record ActiveRequest(String requestId, Instant since, Urgency urgency) {

    /** The reservation by its name alone, for releasing it. */
    public static ActiveRequest of(String requestId, Instant since) {
        return new ActiveRequest(requestId, since, null);
    }
}
