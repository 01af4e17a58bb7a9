package dev.tandem.platform.outbox;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.locks.LockSupport;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.convert.QueryMapper;
import org.springframework.data.mongodb.core.mapping.MongoPersistentEntity;

/**
 * Publishes the events that documents keep in their {@value OutboxEntry#FIELD} list, in list order, then
 * removes them. A crash after publishing and before removing publishes again on the next run: delivery is
 * at least once, and consumers drop what they have already seen (see {@code EventInbox}).
 *
 * <p>The relay runs on a thread of its own. Documents that this process writes with pending events are
 * announced to it ({@link #pending(String, Object)}; saves and inserts through {@link MongoTemplate} are
 * announced by {@link OutboxWriteListener}), and it reads them by {@code _id} at once. A sweep through every
 * outbox collection, at start-up, on taking the lease over and every {@code tandem.outbox.sweep-interval},
 * finds what was never announced: events written before a crash, or when too many announcements were waiting.
 *
 * <p>Only the instance holding the {@link RelayLease} relays; the others hand their announcements over in the
 * {@value #HAND_OVER_COLLECTION} collection, which the holder reads every
 * {@code tandem.outbox.hand-over-interval}. A run sends its documents' events without waiting for each
 * acknowledgement in turn: documents whose events share no Kafka key are sent side by side, while the events
 * of one document, and of one key, go one after the other, each once the broker acknowledged the one before.
 * Then one bulk write removes every acknowledged entry, and only those.
 */
public class OutboxRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

    /**
     * How many published events the relay remembers. A document saved whole by a service that read it before the
     * relay removed an entry puts the entry back; the relay then removes it again instead of publishing it twice.
     */
    private static final int REMEMBERED_EVENTS = 16_384;
    /** Where instances without the lease leave their announcements for the one that holds it. */
    static final String HAND_OVER_COLLECTION = "outbox_handover";
    /**
     * The sparse index on the pending events' ids in each outbox collection: it holds only the documents with
     * pending events, so the sweep reads those instead of every document.
     */
    private static final String PENDING_INDEX = "outbox_pending";
    private static final String PENDING_EVENT_ID = OutboxEntry.FIELD + ".eventId";
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration FAILURE_PAUSE = Duration.ofSeconds(1);

    private final MongoTemplate mongo;
    private final List<String> collections;
    private final EventPublisher publisher;
    private final RelayLease lease;
    private final Clock clock;
    private final int batchSize;
    private final int publishers;
    private final long sweepIntervalNanos;
    private final long handOverIntervalNanos;
    private final long lingerNanos;
    private final MongoCollection<Document> handOvers;
    private final BlockingQueue<Hint> hints;
    private final QueryMapper queryMapper;
    private final Counter published;
    private final Counter droppedHints;
    private final Timer lag;
    // event ids published lately, oldest first; only read and written by the relay thread
    private final Map<String, Boolean> recentlyPublished = new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > REMEMBERED_EVENTS;
        }
    };
    private volatile boolean running;
    private volatile boolean sweepRequested;
    // whether the relay waits for more announcements before a run (tandem.outbox.linger)
    private volatile boolean gathering;
    private volatile Thread relayThread;
    private volatile ExecutorService senders;
    // whether the last sweep found a full batch in some collection and published from it: it sweeps again at once
    private boolean backlog;

    OutboxRelay(MongoTemplate mongo, List<String> collections, EventPublisher publisher, RelayLease lease,
                OutboxProperties properties, Clock clock, MeterRegistry meters) {
        this.mongo = mongo;
        this.collections = List.copyOf(collections);
        this.publisher = publisher;
        this.lease = lease;
        this.clock = clock;
        this.batchSize = properties.batchSize();
        this.publishers = properties.publishers();
        this.sweepIntervalNanos = properties.sweepInterval().toNanos();
        this.handOverIntervalNanos = properties.handOverInterval().toNanos();
        this.lingerNanos = properties.linger().toNanos();
        this.handOvers = mongo.getCollection(HAND_OVER_COLLECTION);
        this.hints = new ArrayBlockingQueue<>(properties.hintCapacity());
        this.queryMapper = new QueryMapper(mongo.getConverter());
        this.published = Counter.builder("tandem.outbox.published")
                .description("Events published from the outbox").register(meters);
        this.droppedHints = Counter.builder("tandem.outbox.hints.dropped")
                .description("Announced outbox writes dropped because too many were waiting; a sweep finds them")
                .register(meters);
        this.lag = Timer.builder("tandem.outbox.lag")
                .description("Time from an event occurring until the broker acknowledged it")
                .register(meters);
        for (String collection : this.collections) {
            mongo.getCollection(collection).createIndex(Indexes.ascending(PENDING_EVENT_ID),
                    new IndexOptions().sparse(true).name(PENDING_INDEX));
        }
    }

    /** The collections whose documents this relay reads for pending events. */
    public List<String> collections() {
        return collections;
    }

    /**
     * Announces that the document with this {@code _id}, as stored, in this collection has pending events; the
     * relay reads it at once. Saves and inserts through {@link MongoTemplate} and repositories are announced
     * without this; an update that adds entries ({@code $push}) is not, and its writer should announce it.
     */
    public void pending(String collection, Object storedId) {
        if (!collections.contains(collection)) {
            return;
        }
        if (!hints.offer(new Hint(collection, storedId))) {
            droppedHints.increment();
            sweepRequested = true;
        }
        Thread relaying = relayThread;
        // while gathering, the relay wakes up by itself when the linger is over, or here once a batch is full
        if (relaying != null && (!gathering || hints.size() >= batchSize)) {
            LockSupport.unpark(relaying);
        }
    }

    /** Announces a document by its type and id, the id as the document type has it (converted as it is stored). */
    public void pending(Class<?> documentType, Object id) {
        MongoPersistentEntity<?> entity = mongo.getConverter().getMappingContext()
                .getRequiredPersistentEntity(documentType);
        Object storedId = queryMapper.getMappedObject(new Document("_id", id), entity).get("_id");
        pending(entity.getCollection(), storedId);
    }

    private void relayUntilStopped() {
        long nextSweep = System.nanoTime();
        long nextHandOver = nextSweep;
        long gatherUntil = 0;
        while (running) {
            long now = System.nanoTime();
            boolean sweepDue = sweepRequested || now - nextSweep >= 0;
            boolean handOverDue = now - nextHandOver >= 0;
            long wakeUp = Math.min(nextSweep, nextHandOver);
            if (!sweepDue && !handOverDue) {
                if (hints.isEmpty()) {
                    LockSupport.parkNanos(this, wakeUp - now);
                    continue;
                }
                // the first announcement waits a moment for others, so that one run reads and removes them all
                if (!gathering) {
                    gathering = true;
                    gatherUntil = now + lingerNanos;
                }
                if (hints.size() < batchSize && gatherUntil - now > 0) {
                    LockSupport.parkNanos(this, Math.min(gatherUntil, wakeUp) - now);
                    continue;
                }
            }
            gathering = false;
            if (sweepDue) {
                sweepRequested = false;
                nextSweep = now + sweepIntervalNanos;
            }
            if (handOverDue) {
                nextHandOver = now + handOverIntervalNanos;
            }
            try {
                if (run(sweepDue, handOverDue)) {
                    sweepRequested = true;
                }
            } catch (RuntimeException e) {
                log.warn("Outbox relay run failed: {}; it tries again shortly", e.toString());
                pause(FAILURE_PAUSE.toNanos());
            }
        }
    }

    /**
     * One run: the announced documents and those other instances handed over, then a sweep if one is due.
     *
     * @return whether to sweep again at once, because the sweep left a backlog behind
     */
    private boolean run(boolean sweep, boolean handOverDue) {
        boolean held = lease.isHeld();
        // a non-holder tries to take the lease only now and then, so that its writes do not each cost a write
        // of the lease; until then it hands what it was told about over to the holder
        if (!(held || sweep || handOverDue) || !lease.hold()) {
            handOver();
            return false;
        }
        List<Hint> announced = new ArrayList<>();
        hints.drainTo(announced, batchSize);
        List<Object> handedOver = handOverDue ? takeHandedOver(announced) : List.of();
        if (!announced.isEmpty()) {
            relay(read(announced));
        }
        if (!handedOver.isEmpty()) {
            handOvers.deleteMany(Filters.in("_id", handedOver));
        }
        // a new holder does not know what its predecessor left unsent: it looks through everything at once
        if (sweep || !held) {
            sweep();
            return backlog;
        }
        return false;
    }

    /** Leaves this instance's announcements for the lease holder, which reads them by {@code _id} soon after. */
    private void handOver() {
        List<Hint> announced = new ArrayList<>();
        hints.drainTo(announced);
        if (!announced.isEmpty()) {
            handOvers.insertMany(announced.stream()
                    .map(hint -> new Document("collection", hint.collection()).append("id", hint.id()))
                    .toList());
        }
    }

    /** Adds what other instances handed over to the announcements; returns the hand-overs' own ids. */
    private List<Object> takeHandedOver(List<Hint> announced) {
        List<Object> taken = new ArrayList<>();
        handOvers.find().limit(batchSize).forEach(handedOver -> {
            taken.add(handedOver.get("_id"));
            announced.add(new Hint(handedOver.getString("collection"), handedOver.get("id")));
        });
        return taken;
    }

    private void pause(long nanos) {
        long until = System.nanoTime() + nanos;
        for (long left = nanos; running && left > 0; left = until - System.nanoTime()) {
            LockSupport.parkNanos(this, left);
        }
    }

    /** The announced documents that still have pending events, read by {@code _id} alone, in announcement order. */
    private List<PendingDocument> read(List<Hint> announced) {
        Map<String, Set<Object>> idsByCollection = new LinkedHashMap<>();
        for (Hint hint : announced) {
            idsByCollection.computeIfAbsent(hint.collection(), collection -> new LinkedHashSet<>()).add(hint.id());
        }
        List<PendingDocument> pending = new ArrayList<>();
        idsByCollection.forEach((collection, ids) -> {
            Map<Object, Document> found = new HashMap<>();
            // a filter on _id alone, which every store answers from the _id index; the outbox is checked here
            mongo.getCollection(collection).find(Filters.in("_id", ids))
                    .projection(Projections.include(OutboxEntry.FIELD))
                    .forEach(document -> found.put(document.get("_id"), document));
            for (Object id : ids) {
                Document document = found.remove(id);
                if (document != null) {
                    PendingDocument.read(collection, document).ifPresent(pending::add);
                }
            }
            // an _id that reads back as another type than it was announced with: still relayed, in any order
            found.values().forEach(document -> PendingDocument.read(collection, document).ifPresent(pending::add));
        });
        return pending;
    }

    /** Sweeps each collection once for a batch of documents with pending events, and relays them. */
    private int sweep() {
        List<PendingDocument> pending = new ArrayList<>();
        boolean full = false;
        for (String collection : collections) {
            List<Document> found = mongo.getCollection(collection).find(Filters.exists(PENDING_EVENT_ID))
                    .projection(Projections.include(OutboxEntry.FIELD))
                    .limit(batchSize)
                    .into(new ArrayList<>());
            full |= found.size() == batchSize;
            for (Document document : found) {
                PendingDocument.read(collection, document).ifPresent(pending::add);
            }
        }
        int removed = relay(pending);
        // more may wait behind a full batch; but only sweep again at once if this one got anywhere
        backlog = full && removed > 0;
        return removed;
    }

    /**
     * Publishes the documents' events and removes those the broker acknowledged.
     *
     * @return how many entries were removed
     */
    private int relay(List<PendingDocument> documents) {
        if (documents.isEmpty()) {
            return 0;
        }
        for (PendingDocument document : documents) {
            document.skipPublished(recentlyPublished.keySet());
        }
        List<List<PendingDocument>> chains = chains(documents);
        ExecutorService pool = senders;
        if (chains.size() == 1 || pool == null || pool.isShutdown()) {
            // one chain, or the relay is stopping: no point in handing it to another thread
            chains.forEach(this::send);
        } else {
            List<Future<?>> sending = new ArrayList<>(chains.size());
            for (List<PendingDocument> chain : chains) {
                sending.add(pool.submit(() -> send(chain)));
            }
            sending.forEach(OutboxRelay::awaitUninterruptibly);
        }
        Map<String, List<WriteModel<Document>>> pulls = new LinkedHashMap<>();
        int removed = 0;
        for (PendingDocument document : documents) {
            if (!document.acknowledged.isEmpty()) {
                document.acknowledged.forEach(eventId -> recentlyPublished.put(eventId, Boolean.TRUE));
                pulls.computeIfAbsent(document.collection, collection -> new ArrayList<>()).add(new UpdateOneModel<>(
                        Filters.eq("_id", document.id),
                        Updates.pull(OutboxEntry.FIELD, Filters.in("eventId", document.acknowledged))));
                removed += document.acknowledged.size();
            }
        }
        pulls.forEach((collection, writes) ->
                mongo.getCollection(collection).bulkWrite(writes, new BulkWriteOptions().ordered(false)));
        return removed;
    }

    /**
     * Sends a chain of documents' events one after the other, each once the one before was acknowledged, and
     * stops at the first failure: what follows it in the chain shares a key with it and must not overtake it.
     */
    private void send(List<PendingDocument> chain) {
        for (PendingDocument document : chain) {
            for (OutboxEntry entry : document.toSend) {
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
     * Groups documents into chains that share no Kafka key with one another, each in the order the documents
     * came in. A document whose events have several keys joins the chains of all of them into one.
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

    @Override
    public void start() {
        senders = Executors.newFixedThreadPool(publishers,
                Thread.ofPlatform().name("outbox-publisher-", 1).daemon(true).factory());
        running = true;
        relayThread = Thread.ofPlatform().name("outbox-relay").daemon(true).start(this::relayUntilStopped);
    }

    @Override
    public void stop() {
        running = false;
        Thread relaying = relayThread;
        relayThread = null;
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
        ExecutorService sending = senders;
        if (sending != null) {
            sending.shutdown();
        }
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

    private record Hint(String collection, Object id) {
    }

    /** A document with pending events, and what of them the broker has acknowledged in this run. */
    static final class PendingDocument {

        final String collection;
        final Object id;
        final List<OutboxEntry> toSend;
        final Set<String> keys = new LinkedHashSet<>();
        // written by the one thread that sends the document's chain, read once all sends of the run are done
        final List<String> acknowledged = new ArrayList<>();

        PendingDocument(String collection, Object id, List<OutboxEntry> entries) {
            this.collection = collection;
            this.id = id;
            this.toSend = new ArrayList<>(entries);
            for (OutboxEntry entry : entries) {
                keys.add(entry.key() != null ? entry.key() : collection + "/" + id);
            }
        }

        static Optional<PendingDocument> read(String collection, Document document) {
            Object id = document.get("_id");
            try {
                List<Document> outbox = document.getList(OutboxEntry.FIELD, Document.class);
                if (outbox == null || outbox.isEmpty()) {
                    return Optional.empty();
                }
                List<OutboxEntry> entries = new ArrayList<>(outbox.size());
                for (Document entry : outbox) {
                    entries.add(new OutboxEntry(entry.getString("eventId"), entry.getString("topic"),
                            entry.getString("key"), entry.getString("type"), entry.getString("payload"),
                            entry.getDate("occurredAt").toInstant()));
                }
                return Optional.of(new PendingDocument(collection, id, entries));
            } catch (RuntimeException e) {
                log.warn("Outbox relay cannot read the outbox of document {} in {}: {}", id, collection,
                        e.toString());
                return Optional.empty();
            }
        }

        /** Counts entries already published, and put back since by a stale save, as acknowledged without sending. */
        void skipPublished(Set<String> published) {
            toSend.removeIf(entry -> {
                if (published.contains(entry.eventId())) {
                    acknowledged.add(entry.eventId());
                    return true;
                }
                return false;
            });
        }
    }
}
