package dev.tandem.routing.assignment;

import java.time.Instant;

/**
 * One thing that happened to a request in routing, for supervisors: it was queued, relaxed to another step, offered
 * (with the explanation), declined, expired, assigned, resolved, withdrawn, reopened.
 *
 * @param agentId     the agent it concerns, if any
 * @param step        the step in force then, 1 for the first; null when it does not wait
 * @param note        what happened, in words
 * @param explanation why the agent was chosen, for an offer
 */
record RoutingEntry(Instant at, Kind kind, String agentId, Integer step, String note, Explanation explanation) {

    enum Kind { QUEUED, RELAXED, OFFERED, DECLINED, EXPIRED, ASSIGNED, RESOLVED, WITHDRAWN, REOPENED }

    static RoutingEntry of(Instant at, Kind kind, String agentId, Integer step, String note) {
        return new RoutingEntry(at, kind, agentId, step, note, null);
    }
}
