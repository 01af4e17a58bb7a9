package dev.tandem.routing.assignment;

import java.time.Duration;
import java.time.Instant;

/** An agent turned the request down; for a cool-down they are not offered it again. */
record Decline(String agentId, Instant at) {

    boolean standsAt(Instant now, Duration coolDown) {
        return now.isBefore(at.plus(coolDown));
    }
}
