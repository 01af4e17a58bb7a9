package dev.tandem.intake.request;

import java.time.Instant;

/**
 * Something the customer added to their request after submitting it.
 *
 * @param text the customer's words, verbatim
 */
record AddedDetail(Instant at, String text) {
}
