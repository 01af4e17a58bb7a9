package dev.tandem.feedback.checkin;

import java.time.Instant;

/** The answer as stored. */
record AnswerView(String checkInId, int csat, String comment, Instant answeredAt) {

    static AnswerView of(CheckIn checkIn) {
        Answer answer = checkIn.answer();
        return new AnswerView(checkIn.id(), answer.csat(), answer.comment(), answer.answeredAt());
    }
}
