package dev.tandem.routing.assignment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.contracts.intake.Urgency;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class LineTest {

    private static final Instant NOW = Instant.parse("2026-11-02T09:00:00Z");

    @Test
    void requestsForTheSameSkillAndPrimaryLanguageShareALine() {
        assertThat(Line.of(request("r-1", "billing", "pt-BR", Urgency.NORMAL, 0)))
                .isEqualTo(Line.of(request("r-2", "billing", "pt-PT", Urgency.HIGH, 1)))
                .isEqualTo(new Line("billing", "pt"))
                .isNotEqualTo(Line.of(request("r-3", "billing", "en", Urgency.NORMAL, 0)))
                .isNotEqualTo(Line.of(request("r-4", "shipping", "pt", Urgency.NORMAL, 0)));
    }

    @Test
    void offeredRequestsComeFirstThenTheMostUrgentThenTheOldest() {
        RoutedRequest oldNormal = request("old-normal", "billing", "en", Urgency.NORMAL, 0);
        RoutedRequest newNormal = request("new-normal", "billing", "en", Urgency.NORMAL, 10);
        RoutedRequest newCritical = request("new-critical", "billing", "en", Urgency.CRITICAL, 20);
        RoutedRequest offeredLow = request("offered-low", "billing", "en", Urgency.LOW, 30);
        offeredLow.offerTo("a-1", "the only eligible agent", NOW.plusSeconds(40), NOW.plusSeconds(160));

        List<LineMember> line = List.of(newNormal, oldNormal, newCritical, offeredLow).stream().map(LineMember::of)
                .sorted(Line.SERVING_ORDER).toList();

        assertThat(line).extracting(LineMember::id)
                .containsExactly("offered-low", "new-critical", "old-normal", "new-normal");
    }

    private static RoutedRequest request(String id, String category, String language, Urgency urgency,
                                         int secondsAfterNow) {
        Instant at = NOW.plusSeconds(secondsAfterNow);
        return Requests.queued(Requests.submitted(id, category, language, urgency, "c", at), at);
    }
}
