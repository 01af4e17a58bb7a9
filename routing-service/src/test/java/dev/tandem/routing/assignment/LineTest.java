package dev.tandem.routing.assignment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.contracts.intake.Urgency;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class LineTest {

    private static final Instant NOW = Instant.parse("2026-11-02T09:00:00Z");

    @Test
    void requestsOfTheSameQueueAndPrimaryLanguageShareALine() {
        var billing = Requests.queueOf("billing");
        assertThat(Line.of(billing, "pt-BR"))
                .isEqualTo(Line.of(billing, "pt-PT"))
                .isEqualTo(new Line("billing", "pt"))
                .isNotEqualTo(Line.of(billing, "en"))
                .isNotEqualTo(Line.of(Requests.queueOf("shipping"), "pt"));
    }

    @Test
    void offeredRequestsComeFirstThenByEffectivePriority() {
        RoutedRequest oldNormal = request("old-normal", Urgency.NORMAL, 0);
        RoutedRequest newNormal = request("new-normal", Urgency.NORMAL, 10);
        RoutedRequest newCritical = request("new-critical", Urgency.CRITICAL, 20);
        // LOW is three levels below CRITICAL, worth 30 minutes of waiting: queued 31 minutes before, it goes first
        RoutedRequest veryOldLow = request("very-old-low", Urgency.LOW, -31 * 60);
        RoutedRequest offeredLow = request("offered-low", Urgency.LOW, 30);
        offeredLow.offerTo("a-1", Requests.explanation("a-1"), NOW.plusSeconds(40), NOW.plusSeconds(160),
                Requests.COOL_DOWN);

        List<LineMember> line = List.of(newNormal, oldNormal, newCritical, offeredLow, veryOldLow).stream()
                .map(request -> LineMember.of(request, Requests.queueOf("billing"))).sorted(Line.SERVING_ORDER)
                .toList();

        assertThat(line).extracting(LineMember::id)
                .containsExactly("offered-low", "very-old-low", "new-critical", "old-normal", "new-normal");
    }

    private static RoutedRequest request(String id, Urgency urgency, int secondsAfterNow) {
        Instant at = NOW.plusSeconds(secondsAfterNow);
        return Requests.queued(Requests.submitted(id, "billing", "en", urgency, "c", at), at);
    }
}
