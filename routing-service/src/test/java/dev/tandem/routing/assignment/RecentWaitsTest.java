package dev.tandem.routing.assignment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class RecentWaitsTest {

    private static final Instant AT = Instant.parse("2026-11-02T09:00:00Z");

    @Test
    void withNothingObservedLatelyThereIsNoEstimate() {
        assertThat(new RecentWaits(List.of()).estimate(1, 3)).isEmpty();
    }

    @Test
    void whileNoAgentWhoCouldServeTheLineIsAvailableThereIsNoEstimate() {
        RecentWaits waits = new RecentWaits(List.of(sample(Duration.ofMinutes(10), 1, 1)));

        assertThat(waits.estimate(1, 0)).isEmpty();
    }

    @Test
    void scalesTheAgentTimeOnePlaceTookByThePositionAndTheAgentsAvailable() {
        // joined third, accepted after 15 minutes while 2 agents served the line: 10 agent-minutes a place
        RecentWaits waits = new RecentWaits(List.of(sample(Duration.ofMinutes(15), 3, 2)));

        assertThat(waits.estimate(3, 2)).hasValue(Duration.ofMinutes(15));
        assertThat(waits.estimate(1, 2)).hasValue(Duration.ofMinutes(5));
        assertThat(waits.estimate(4, 2)).hasValue(Duration.ofMinutes(20));
        assertThat(waits.estimate(4, 1)).hasValue(Duration.ofMinutes(40));
        assertThat(waits.estimate(4, 4)).hasValue(Duration.ofMinutes(10));
    }

    @Test
    void oneVeryLongWaitDoesNotSwayTheEstimate() {
        RecentWaits waits = new RecentWaits(List.of(
                sample(Duration.ofMinutes(4), 1, 1),
                sample(Duration.ofHours(10), 1, 1),
                sample(Duration.ofMinutes(12), 2, 1),
                sample(Duration.ofMinutes(6), 1, 1),
                sample(Duration.ofMinutes(15), 3, 1)));

        // agent-minutes a place: 4, 600, 6, 6, 5; the median is 6
        assertThat(waits.estimate(2, 1)).hasValue(Duration.ofMinutes(12));
    }

    @Test
    void withAnEvenNumberOfSamplesTheMedianLiesBetweenTheMiddleTwo() {
        RecentWaits waits = new RecentWaits(List.of(
                sample(Duration.ofMinutes(4), 1, 1),
                sample(Duration.ofMinutes(6), 1, 1)));

        assertThat(waits.estimate(3, 1)).hasValue(Duration.ofMinutes(15));
    }

    @Test
    void isRoundedUpToWholeMinutesAndIsNeverLessThanOne() {
        RecentWaits waits = new RecentWaits(List.of(sample(Duration.ofSeconds(20), 1, 1)));

        assertThat(waits.estimate(1, 1)).hasValue(Duration.ofMinutes(1));
        assertThat(waits.estimate(3, 1)).hasValue(Duration.ofMinutes(1));
        assertThat(waits.estimate(4, 1)).hasValue(Duration.ofMinutes(2));
    }

    private static WaitSample sample(Duration waited, int position, int agents) {
        return new WaitSample("en", waited, position, agents, AT);
    }
}
