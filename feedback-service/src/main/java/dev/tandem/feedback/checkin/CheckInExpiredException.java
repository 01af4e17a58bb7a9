package dev.tandem.feedback.checkin;

import java.time.Instant;

/** Answers 410: the check-in's time to answer is over, and it never opens again. */
class CheckInExpiredException extends RuntimeException {

    CheckInExpiredException(Instant expiredAt) {
        super("This check-in expired at " + expiredAt);
    }
}
