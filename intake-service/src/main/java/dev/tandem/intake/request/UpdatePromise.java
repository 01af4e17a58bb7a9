package dev.tandem.intake.request;

import java.time.Instant;

/**
 * The owner's promise of the customer's next update, as routing last said.
 *
 * @param by   when the customer will hear from the owner at the latest
 * @param note what the owner is waiting for or working on, or null
 * @param at   when the owner promised it; an older promise never replaces a newer one
 */
record UpdatePromise(Instant by, String note, Instant at) {
}
