package dev.tandem.routing.assignment;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Estimates how long a request will wait for an owner, from how long the latest requests of its line waited.
 * <p>
 * Every request of the line that an agent accepted lately is a {@link WaitSample}: it joined at position
 * {@code p}, waited {@code w} until it was accepted, and {@code a} agents who could serve the line were
 * available then. So one place in the line took {@code w × a / p} of agent time. For a request now at
 * position {@code P}, while {@code A} agents who could serve its line are available:
 * <pre>
 *   estimatedWait = P × median(w × a / p, over the samples) / A, rounded up to whole minutes
 * </pre>
 * The median keeps a single long wait (a request that sat overnight, say) from swaying every estimate after
 * it. The samples are the latest accepted requests of the line, a bounded number from a bounded time back
 * ({@code tandem.routing.queue.sample-size} and {@code sample-window}), so the estimate follows how the line is
 * moving now.
 * <p>
 * There is no estimate, rather than an invented one, when nothing of the line was accepted in that time (a
 * new or a quiet line), and while no agent who could serve the line is available: the wait then depends on
 * when somebody comes back, which routing cannot know.
 *
 * @param samples the latest accepted requests of one line
 */
record RecentWaits(List<WaitSample> samples) {

    RecentWaits {
        samples = List.copyOf(samples);
    }

    /**
     * @param position        the request's position in its line, 1 or more
     * @param agentsAvailable how many available agents could serve the line now
     * @return the estimated wait, or empty when there is no honest estimate to give
     */
    Optional<Duration> estimate(int position, int agentsAvailable) {
        if (samples.isEmpty() || agentsAvailable < 1) {
            return Optional.empty();
        }
        Duration perPlace = median(samples.stream().map(WaitSample::agentTimePerPlace).sorted().toList());
        return Optional.of(wholeMinutesUp(perPlace.multipliedBy(position).dividedBy(agentsAvailable)));
    }

    private static Duration median(List<Duration> sorted) {
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle)
                : sorted.get(middle - 1).plus(sorted.get(middle)).dividedBy(2);
    }

    // "about a minute" rather than "0 minutes" or seconds that suggest a precision there is not
    private static Duration wholeMinutesUp(Duration wait) {
        return Duration.ofMinutes(Math.max(1, Math.ceilDiv(wait.toMillis(), Duration.ofMinutes(1).toMillis())));
    }
}
