package dev.tandem.feedback.checkin;

import java.time.Instant;

/**
 * What the customer answered.
 *
 * @param csat    1 (very dissatisfied) to 5 (very satisfied)
 * @param comment their own words, or null
 */
record Answer(int csat, String comment, Instant answeredAt) {
}
