package dev.tandem.routing.assignment;

import java.time.Duration;
import java.time.Instant;

/**
 * A queue's statistics, for supervisors: what it looks like now, and what happened over the last 24 hours and since
 * the start.
 *
 * @param at when they were read
 */
record QueueStatisticsView(String queue, Instant at, Now now, Period last24Hours, Period sinceStart) {

    /**
     * The queue now.
     *
     * @param waiting         requests without an owner, offered or not
     * @param oldestWait      how long the one of them waiting longest has waited; zero when none waits
     * @param agentsAvailable agents who serve the queue, at work with a slot free
     * @param agentsBusy      agents who serve the queue, at work with every slot taken, or busy
     */
    record Now(int waiting, Duration oldestWait, int agentsAvailable, int agentsBusy) {
    }

    /**
     * What happened in a period.
     *
     * @param offersCreated      offers made to agents
     * @param offersAccepted     offers accepted: each a request that got an owner
     * @param offersDeclined     offers declined
     * @param offersExpired      offers nobody answered in time
     * @param escalations        requests that escalated as they neared their time-to-owner target
     * @param slaBreaches        requests still without an owner at their target
     * @param timeToOwnerAverage how long requests went without an owner until one accepted them, on average; null
     *                           when none was accepted
     * @param timeToOwnerP90     the time to owner that nine in ten accepted requests stayed within: the upper bound of
     *                           its bucket (10 s, 30 s, 1, 2, 5, 10, 30 min, 1, 2, 4, 8, 24 h)
     * @param slaAttainment      the share of accepted requests whose owner accepted them within their target, 0 to 1;
     *                           null when none was accepted
     */
    record Period(long offersCreated, long offersAccepted, long offersDeclined, long offersExpired, long escalations,
                  long slaBreaches, Duration timeToOwnerAverage, Duration timeToOwnerP90, Double slaAttainment) {
    }
}
