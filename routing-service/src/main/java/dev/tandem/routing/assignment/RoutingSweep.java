package dev.tandem.routing.assignment;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The regular sweep that keeps routing moving when no event does: offers nobody answered go back to their
 * queue, leaked slots are reclaimed, whatever waits is dispatched again, and what still waits learns where it
 * stands in its line.
 */
@Component
class RoutingSweep {

    private final Assignments assignments;
    private final ReservationReconciler reconciler;
    private final Dispatcher dispatcher;
    private final QueuePositions positions;

    RoutingSweep(Assignments assignments, ReservationReconciler reconciler, Dispatcher dispatcher,
                 QueuePositions positions) {
        this.assignments = assignments;
        this.reconciler = reconciler;
        this.dispatcher = dispatcher;
        this.positions = positions;
    }

    @Scheduled(fixedDelayString = "${tandem.routing.dispatch-interval}")
    void run() {
        assignments.expireOverdueOffers();
        reconciler.releaseLeakedReservations();
        dispatcher.dispatch();
        positions.refresh();
    }
}
