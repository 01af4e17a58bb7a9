package dev.tandem.feedback.csat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;

/**
 * Customer satisfaction with the standard formula: the share of answers that are 4 or 5 on the 1–5 scale.
 *
 * @param responses   how many answers there were
 * @param satisfied   how many of them were 4 or 5
 * @param csatPercent {@code satisfied / responses × 100}, rounded half up to one decimal; null with no answers
 */
record Csat(String agentId, long responses, long satisfied, BigDecimal csatPercent) {

    static Csat of(String agentId, Map<Integer, Long> answersByScore) {
        long responses = answersByScore.values().stream().mapToLong(Long::longValue).sum();
        long satisfied = answersByScore.entrySet().stream().filter(entry -> entry.getKey() >= 4)
                .mapToLong(Map.Entry::getValue).sum();
        BigDecimal percent = responses == 0 ? null : BigDecimal.valueOf(satisfied * 100)
                .divide(BigDecimal.valueOf(responses), 1, RoundingMode.HALF_UP);
        return new Csat(agentId, responses, satisfied, percent);
    }
}
