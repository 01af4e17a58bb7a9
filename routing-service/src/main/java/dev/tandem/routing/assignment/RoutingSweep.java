package dev.tandem.routing.assignment;

import dev.tandem.routing.agent.Agents;
import java.time.Duration;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

/**
 * The regular sweep that keeps routing moving when no event does: what other instances changed of the agents is
 * learned, offers nobody answered go back to their queue (and handoffs to their owner), the time-to-owner timers that
 * are due go off, what owners who left have in hand goes back to its queue, leaked slots are reclaimed, whatever
 * waits is dispatched again, what still waits learns where it stands in its line, and the queues' statistics are
 * stored.
 */
@Component
class RoutingSweep implements SchedulingConfigurer {

    private final Agents agents;
    private final Assignments assignments;
    private final ReservationReconciler reconciler;
    private final Dispatcher dispatcher;
    private final QueuePositions positions;
    private final QueueStatistics statistics;
    private final Duration interval;

    RoutingSweep(Agents agents, Assignments assignments, ReservationReconciler reconciler, Dispatcher dispatcher,
                 QueuePositions positions, QueueStatistics statistics, RoutingProperties properties) {
        this.statistics = statistics;
        this.agents = agents;
        this.assignments = assignments;
        this.reconciler = reconciler;
        this.dispatcher = dispatcher;
        this.positions = positions;
        this.interval = properties.dispatchInterval();
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar tasks) {
        tasks.addFixedDelayTask(this::run, interval);
    }

    void run() {
        agents.sync();
        assignments.expireOverdueOffers();
        assignments.runSlaTimers();
        assignments.handOnFromAbsentOwners();
        reconciler.releaseLeakedReservations();
        dispatcher.dispatch();
        positions.refresh();
        statistics.flushIfDue();
    }
}
