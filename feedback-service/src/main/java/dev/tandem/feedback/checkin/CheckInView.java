package dev.tandem.feedback.checkin;

import java.time.Instant;

/**
 * A check-in as the customer sees it before answering.
 *
 * @param agentName who looked after the request
 * @param question  what we ask, in words for the customer
 */
record CheckInView(String checkInId, String agentName, CheckInStatus status, Instant expiresAt, String question) {

    static CheckInView of(CheckIn checkIn) {
        return new CheckInView(checkIn.id(), checkIn.agentName(), checkIn.status(), checkIn.expiresAt(),
                CheckIn.QUESTION);
    }
}
