package dev.tandem.routing.assignment;

import java.time.Instant;

/**
 * One thing that happened to a request in routing, for supervisors: it was queued, relaxed to another step, offered
 * (with the explanation), declined, expired, assigned, resolved, withdrawn, reopened; escalated or past its
 * time-to-owner target; handed to a colleague, who declined or took it over; released by an owner who left.
 *
 * @param agentId     the agent it concerns, if any
 * @param step        the step in force then, 1 for the first; null when it does not wait
 * @param note        what happened, in words
 * @param explanation why the agent was chosen, for an offer
 */
record RoutingEntry(Instant at, Kind kind, String agentId, Integer step, String note, Explanation explanation) {

    enum Kind {
        QUEUED, RELAXED, OFFERED, DECLINED, EXPIRED, ASSIGNED, RESOLVED, WITHDRAWN, REOPENED, ESCALATED, SLA_BREACHED,
        HANDOFF_OFFERED, HANDOFF_DECLINED, TRANSFERRED, RELEASED
    }

    static RoutingEntry of(Instant at, Kind kind, String agentId, Integer step, String note) {
        return new RoutingEntry(at, kind, agentId, step, note, null);
    }
}
