package dev.tandem.intake.request;

import java.time.Duration;
import java.time.Instant;

/**
 * Where a waiting request stands in routing's queue, as routing last said.
 *
 * @param estimatedWait null when routing had no estimate to give
 * @param at            when routing said so; an older word never replaces a newer one
 */
record QueueStanding(int position, Duration estimatedWait, Instant at) {
}
