package dev.tandem.intake.request;

import java.time.Instant;
import java.util.List;

/**
 * A request as it stands, for the views to show; a copy, so that nothing changes the request through it.
 *
 * @param owner      who looks after it, once someone has accepted it; null before, and while it waits for someone
 *                   to take it over after its owner went away
 * @param details    what the customer added after submitting, oldest first
 * @param queue      its place in line while it waits for an owner; otherwise null
 * @param nextUpdate the owner's promise of the next update, while one stands; otherwise null
 * @param timeline   what happened, oldest first
 */
record RequestSnapshot(String id, String reference, RequestStatus status, Owner owner, Submission submission,
                       List<AddedDetail> details, QueueStanding queue, UpdatePromise nextUpdate, Instant submittedAt,
                       Instant updatedAt, List<TimelineEntry> timeline) {

    RequestSnapshot {
        details = List.copyOf(details);
        timeline = List.copyOf(timeline);
    }
}
