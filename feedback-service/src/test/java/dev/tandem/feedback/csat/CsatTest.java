package dev.tandem.feedback.csat;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CsatTest {

    @Test
    void countsFoursAndFivesAsSatisfiedOverAllAnswersToOneDecimal() {
        Csat csat = Csat.of("agent-1", Map.of(5, 1L, 4, 1L, 2, 1L));

        assertThat(csat.responses()).isEqualTo(3);
        assertThat(csat.satisfied()).isEqualTo(2);
        assertThat(csat.csatPercent()).isEqualByComparingTo("66.7");
    }

    @Test
    void aNeutralThreeIsNotSatisfied() {
        assertThat(Csat.of("agent-1", Map.of(3, 4L, 4, 1L)).csatPercent()).isEqualByComparingTo("20.0");
    }

    @Test
    void roundsHalfUp() {
        assertThat(Csat.of("agent-1", Map.of(5, 1L, 1, 5L)).csatPercent()).isEqualByComparingTo("16.7");
        assertThat(Csat.of("agent-1", Map.of(4, 1L, 2, 7L)).csatPercent()).isEqualByComparingTo("12.5");
    }

    @Test
    void onlySatisfiedAnswersMakeAHundredAndNoneMakeZero() {
        assertThat(Csat.of("agent-1", Map.of(5, 2L, 4, 1L)).csatPercent()).isEqualTo(new BigDecimal("100.0"));
        assertThat(Csat.of("agent-1", Map.of(1, 2L)).csatPercent()).isEqualTo(new BigDecimal("0.0"));
    }

    @Test
    void hasNoPercentageWithoutAnswers() {
        Csat csat = Csat.of("agent-1", Map.of());

        assertThat(csat.responses()).isZero();
        assertThat(csat.satisfied()).isZero();
        assertThat(csat.csatPercent()).isNull();
    }
}
