package dev.tandem.platform.outbox;

import dev.tandem.platform.outbox.Announcements.Announcement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Publishes the events that documents keep in their {@value OutboxEntry#FIELD} list, in list order, then
 * removes them. A crash after publishing and before removing publishes again on the next run: delivery is
 * at least once, and consumers drop what they have already seen (see {@code EventInbox}).
 *
 * <p>It runs on a thread of its own, and decides when to run and what to read; the parts do the rest.
 * Documents this process saves with pending events are {@link Announcements announced} to it and read by
 * {@code _id} at once; a sweep of the {@link OutboxStore outbox collections}, at start-up, on taking the lease
 * over and every {@code tandem.outbox.sweep-interval}, finds what was never announced (written before a crash, or
 * when too many announcements waited). Only the instance holding the {@link RelayLease} relays; the others
 * {@link HandOver hand} their announcements over to it. {@link ChainedSends} sends a run's events, and the store
 * then removes what the broker acknowledged.
 */
public class OutboxRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration FAILURE_PAUSE = Duration.ofSeconds(1);

    private final OutboxStore store;
    private final Announcements announcements;
    private final HandOver handOver;
    private final ChainedSends sends;
    private final RelayLease lease;
    private final int batchSize;
    private final long sweepIntervalNanos;
    private final long handOverIntervalNanos;
    private volatile boolean running;
    private volatile Thread relayThread;

    OutboxRelay(OutboxStore store, Announcements announcements, HandOver handOver, ChainedSends sends,
                RelayLease lease, OutboxProperties properties) {
        this.store = store;
        this.announcements = announcements;
        this.handOver = handOver;
        this.sends = sends;
        this.lease = lease;
        this.batchSize = properties.batchSize();
        this.sweepIntervalNanos = properties.sweepInterval().toNanos();
        this.handOverIntervalNanos = properties.handOverInterval().toNanos();
    }

    private void relayUntilStopped() {
        long nextSweep = System.nanoTime();
        long nextHandOver = nextSweep;
        // whether the last sweep left more behind a full batch: then it sweeps again at once
        boolean backlog = false;
        while (running) {
            long now = System.nanoTime();
            boolean sweepDue = backlog || announcements.overflowedSinceAsked() || now - nextSweep >= 0;
            boolean handOverDue = now - nextHandOver >= 0;
            if (!sweepDue && !handOverDue && !announcements.ready(Math.min(nextSweep, nextHandOver))) {
                continue;
            }
            if (sweepDue) {
                nextSweep = now + sweepIntervalNanos;
            }
            if (handOverDue) {
                nextHandOver = now + handOverIntervalNanos;
            }
            try {
                backlog = run(sweepDue, handOverDue);
            } catch (RuntimeException e) {
                log.warn("Outbox relay run failed: {}; it tries again shortly", e.toString());
                backlog = false;
                pause(FAILURE_PAUSE.toNanos());
            }
        }
    }

    /**
     * One run: the announced documents and those other instances handed over, then a sweep if one is due.
     *
     * @return whether to sweep again at once, because the sweep left a backlog behind
     */
    private boolean run(boolean sweepDue, boolean handOverDue) {
        boolean held = lease.isHeld();
        // a non-holder tries to take the lease only now and then, so that its writes do not each cost a write
        // of the lease; until then it hands what it was told about over to the holder
        if (!(held || sweepDue || handOverDue) || !lease.hold()) {
            handOver.leave(announcements.all());
            return false;
        }
        List<Announcement> announced = new ArrayList<>(announcements.batch());
        HandOver.Taken handedOver = handOverDue ? handOver.take(batchSize) : HandOver.Taken.NOTHING;
        announced.addAll(handedOver.announcements());
        if (!announced.isEmpty()) {
            relay(store.read(announced));
        }
        handOver.done(handedOver);
        // a new holder does not know what its predecessor left unsent: it looks through everything at once
        if (sweepDue || !held) {
            OutboxStore.Sweep sweep = store.sweep(batchSize);
            // more may wait behind a full batch; but only sweep again at once if this one got anywhere
            return relay(sweep.documents()) > 0 && sweep.full();
        }
        return false;
    }

    /** @return how many entries were published and removed */
    private int relay(List<PendingDocument> documents) {
        if (documents.isEmpty()) {
            return 0;
        }
        sends.send(documents);
        return store.removeAcknowledged(documents);
    }

    /**
     * Announces that the document with this {@code _id}, as stored, in this collection has pending events; the
     * relay reads it at once. {@link OutboxWriteListener} announces every save and insert through
     * {@code MongoTemplate}; an update that adds entries is found by the next sweep.
     */
    void pending(String collection, Object storedId) {
        if (store.isOutbox(collection)) {
            announcements.announce(collection, storedId);
        }
    }

    private void pause(long nanos) {
        long until = System.nanoTime() + nanos;
        for (long left = nanos; running && left > 0; left = until - System.nanoTime()) {
            LockSupport.parkNanos(this, left);
        }
    }

    @Override
    public void start() {
        sends.start();
        running = true;
        Thread relaying = Thread.ofPlatform().name("outbox-relay").daemon(true).unstarted(this::relayUntilStopped);
        relayThread = relaying;
        announcements.waitingThread(relaying);
        relaying.start();
    }

    @Override
    public void stop() {
        running = false;
        Thread relaying = relayThread;
        relayThread = null;
        announcements.waitingThread(null);
        boolean ended = true;
        if (relaying != null) {
            LockSupport.unpark(relaying);
            try {
                ended = relaying.join(STOP_TIMEOUT);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                ended = false;
            }
        }
        sends.stop();
        if (ended) {
            lease.release();
        } else {
            // a run is still waiting for the broker: the lease runs out by itself once it can no longer be renewed
            log.warn("Outbox relay still busy after {}; its lease runs out on its own", STOP_TIMEOUT);
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
