package dev.tandem.platform.outbox;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.NestedExceptionUtils;

/**
 * Sends a run's documents' events to the broker without waiting for each acknowledgement in turn: documents whose
 * events share no Kafka key are sent side by side, from up to {@code tandem.outbox.publishers} threads, while the
 * events of one document, and of one key, go one after the other, each once the broker acknowledged the one before.
 * A failed send stops its chain: what follows shares a key with it and must not overtake it.
 */
final class ChainedSends {

    private static final Logger log = LoggerFactory.getLogger(ChainedSends.class);

    private final EventPublisher publisher;
    private final Clock clock;
    private final int publishers;
    private final Counter published;
    private final Timer lag;
    private volatile ExecutorService senders;

    ChainedSends(EventPublisher publisher, int publishers, Clock clock, MeterRegistry meters) {
        this.publisher = publisher;
        this.publishers = publishers;
        this.clock = clock;
        this.published = Counter.builder("tandem.outbox.published")
                .description("Events published from the outbox").register(meters);
        this.lag = Timer.builder("tandem.outbox.lag")
                .description("Time from an event occurring until the broker acknowledged it")
                .register(meters);
    }

    void start() {
        senders = Executors.newFixedThreadPool(publishers,
                Thread.ofPlatform().name("outbox-publisher-", 1).daemon(true).factory());
    }

    void stop() {
        ExecutorService sending = senders;
        if (sending != null) {
            sending.shutdown();
        }
    }

    /** Sends the documents' events; each document's {@code acknowledged} then lists those the broker has. */
    void send(List<PendingDocument> documents) {
        List<List<PendingDocument>> chains = chains(documents);
        ExecutorService pool = senders;
        if (chains.size() == 1 || pool == null || pool.isShutdown()) {
            // one chain, or the relay is stopping: no point in handing it to another thread
            chains.forEach(this::sendChain);
            return;
        }
        List<Future<?>> sending = new ArrayList<>(chains.size());
        for (List<PendingDocument> chain : chains) {
            sending.add(pool.submit(() -> sendChain(chain)));
        }
        sending.forEach(ChainedSends::awaitUninterruptibly);
    }

    private void sendChain(List<PendingDocument> chain) {
        for (PendingDocument document : chain) {
            for (OutboxEntry entry : document.entries) {
                try {
                    publisher.publish(entry);
                } catch (RuntimeException e) {
                    log.warn("Outbox relay stopped at event {} of document {} in {}: {}; it and the events after it "
                                    + "for the same request wait for the next run", entry.eventId(), document.id,
                            document.collection, NestedExceptionUtils.getMostSpecificCause(e).toString());
                    return;
                }
                document.acknowledged.add(entry.eventId());
                published.increment();
                lag.record(Duration.between(entry.occurredAt(), clock.instant()));
            }
        }
    }

    /**
     * Groups documents into chains that share no Kafka key with one another, each in the order the documents came
     * in. A document whose events have several keys joins the chains of all of them into one.
     */
    static List<List<PendingDocument>> chains(List<PendingDocument> documents) {
        List<List<PendingDocument>> chains = new ArrayList<>();
        Map<String, List<PendingDocument>> chainOfKey = new HashMap<>();
        for (PendingDocument document : documents) {
            List<PendingDocument> chain = null;
            for (String key : document.keys) {
                List<PendingDocument> other = chainOfKey.get(key);
                if (other == null || other == chain) {
                    continue;
                }
                if (chain == null) {
                    chain = other;
                } else {
                    List<PendingDocument> merged = chain;
                    chain.addAll(other);
                    chains.removeIf(candidate -> candidate == other);
                    for (PendingDocument moved : other) {
                        moved.keys.forEach(movedKey -> chainOfKey.put(movedKey, merged));
                    }
                }
            }
            if (chain == null) {
                chain = new ArrayList<>();
                chains.add(chain);
            }
            chain.add(document);
            for (String key : document.keys) {
                chainOfKey.put(key, chain);
            }
        }
        return chains;
    }

    private static void awaitUninterruptibly(Future<?> future) {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    future.get();
                    return;
                } catch (InterruptedException e) {
                    // the sends under way must end before their acknowledgements are read
                    interrupted = true;
                } catch (ExecutionException e) {
                    log.warn("Outbox relay send failed: {}", e.getCause().toString());
                    return;
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
