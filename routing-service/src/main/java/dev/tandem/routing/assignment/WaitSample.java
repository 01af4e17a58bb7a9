package dev.tandem.routing.assignment;

import java.time.Duration;
import java.time.Instant;

/**
 * How long one request waited for an owner, recorded when an agent accepted it. {@link RecentWaits} estimates
 * the waits of its line from the latest of these.
 *
 * @param language the primary subtag of the request's language; with the request's queue, it names the line
 * @param waited   from joining the line until an agent accepted it
 * @param position its position when it joined the line
 * @param agents   how many available agents could serve the line when it was accepted; at least 1, the one
 *                 who accepted
 * @param at       when it was accepted
 */
record WaitSample(String language, Duration waited, int position, int agents, Instant at) {

    /**
     * The agent time it took to move the line on by one place: {@code waited × agents / position}. Dividing
     * by the position makes waits from different places comparable; multiplying by the agents makes waits
     * comparable however many agents were at work.
     */
    Duration agentTimePerPlace() {
        return waited.multipliedBy(agents).dividedBy(position);
    }
}
