package dev.tandem.intake.request;

import java.time.Instant;

/**
 * One line of the customer-facing timeline.
 *
 * @param eventId the event that produced it, so that a redelivered event never adds a second line
 * @param kind    a stable name for front ends, such as {@code ASSIGNED}
 * @param text    what happened, in words for the customer
 */
record TimelineEntry(Instant at, String kind, String text, String eventId) {
}
