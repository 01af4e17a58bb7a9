package dev.tandem.platform.outbox;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.locks.LockSupport;

/**
 * The documents this process wrote with pending events, waiting for the relay to read them. The first waits
 * {@code tandem.outbox.linger} for others, so that one run reads and removes several writes' events; a full batch
 * does not wait. When too many wait, an announcement is dropped and the next sweep, asked for at once, finds it.
 */
final class Announcements {

    private final BlockingQueue<Announcement> waiting;
    private final int batchSize;
    private final long lingerNanos;
    private final Counter dropped;
    private volatile Thread relay;
    // whether the relay is letting the first waiting announcement linger; only the relay thread writes it
    private volatile boolean lingering;
    private long lingerUntil;
    private volatile boolean overflowed;

    Announcements(OutboxProperties properties, MeterRegistry meters) {
        this.waiting = new ArrayBlockingQueue<>(properties.hintCapacity());
        this.batchSize = properties.batchSize();
        this.lingerNanos = properties.linger().toNanos();
        this.dropped = Counter.builder("tandem.outbox.hints.dropped")
                .description("Announced outbox writes dropped because too many were waiting; a sweep finds them")
                .register(meters);
    }

    void announce(String collection, Object storedId) {
        if (!waiting.offer(new Announcement(collection, storedId))) {
            dropped.increment();
            overflowed = true;
        }
        Thread relaying = relay;
        // while lingering the relay wakes up by itself when the linger is over, or here once a batch is full
        if (relaying != null && (!lingering || waiting.size() >= batchSize)) {
            LockSupport.unpark(relaying);
        }
    }

    /** The thread that waits in {@link #ready}, woken by announcements; null while none does. */
    void waitingThread(Thread thread) {
        relay = thread;
        if (thread == null) {
            return;
        }
        LockSupport.unpark(thread);
    }

    /**
     * Whether announcements are ready to relay: a full batch, or the first has lingered long enough. If not, waits
     * until then, the deadline or a wake-up, whichever comes first, and answers false: the caller looks again.
     */
    boolean ready(long deadlineNanos) {
        long now = System.nanoTime();
        if (waiting.isEmpty()) {
            lingering = false;
            LockSupport.parkNanos(this, deadlineNanos - now);
            return false;
        }
        if (!lingering) {
            lingering = true;
            lingerUntil = now + lingerNanos;
        }
        if (waiting.size() >= batchSize || lingerUntil - now <= 0) {
            lingering = false;
            return true;
        }
        LockSupport.parkNanos(this, Math.min(lingerUntil, deadlineNanos) - now);
        return false;
    }

    /** Up to a batch of announcements, oldest first. */
    List<Announcement> batch() {
        List<Announcement> batch = new ArrayList<>();
        waiting.drainTo(batch, batchSize);
        return batch;
    }

    List<Announcement> all() {
        List<Announcement> all = new ArrayList<>();
        waiting.drainTo(all);
        return all;
    }

    /** Whether announcements were dropped since the last call: a sweep is to find their events. */
    boolean overflowedSinceAsked() {
        boolean was = overflowed;
        overflowed = false;
        return was;
    }

    /** A document with pending events, by its collection and its {@code _id} as stored. */
    record Announcement(String collection, Object id) {
    }
}
