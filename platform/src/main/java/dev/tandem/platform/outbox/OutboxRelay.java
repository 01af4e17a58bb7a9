package dev.tandem.platform.outbox;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Updates;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Publishes the events that documents keep in their {@value OutboxEntry#FIELD} list, in list order, then
 * removes them. A crash after publishing and before removing publishes again on the next run: delivery is
 * at least once, and consumers drop what they have already seen (see {@code EventInbox}).
 */
public class OutboxRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

    private final MongoTemplate mongo;
    private final List<String> collections;
    private final EventPublisher publisher;
    private final RelayLease lease;
    private final int batchSize;
    private final Counter published;
    private volatile boolean running;

    OutboxRelay(MongoTemplate mongo, List<String> collections, EventPublisher publisher, RelayLease lease,
                int batchSize, MeterRegistry meters) {
        this.mongo = mongo;
        this.collections = List.copyOf(collections);
        this.publisher = publisher;
        this.lease = lease;
        this.batchSize = batchSize;
        this.published = Counter.builder("tandem.outbox.published")
                .description("Events published from the outbox").register(meters);
    }

    /** The collections whose documents this relay reads for pending events. */
    public List<String> collections() {
        return collections;
    }

    @Scheduled(fixedDelayString = "${tandem.outbox.poll-interval:100ms}")
    void poll() {
        if (running) {
            relayPending();
        }
    }

    /**
     * Publishes every pending event it can, if this instance holds the relay lease.
     *
     * @return how many events were published
     */
    public int relayPending() {
        if (!lease.acquire()) {
            return 0;
        }
        int count = 0;
        for (String collection : collections) {
            MongoCollection<Document> documents = mongo.getCollection(collection);
            List<Document> pending = documents.find(Filters.exists(OutboxEntry.FIELD + ".0"))
                    .projection(Projections.include(OutboxEntry.FIELD))
                    .limit(batchSize)
                    .into(new ArrayList<>());
            for (Document document : pending) {
                count += relay(documents, document);
            }
        }
        return count;
    }

    private int relay(MongoCollection<Document> documents, Document document) {
        List<String> sent = new ArrayList<>();
        try {
            for (Document entry : document.getList(OutboxEntry.FIELD, Document.class)) {
                publisher.publish(new OutboxEntry(entry.getString("eventId"), entry.getString("topic"),
                        entry.getString("key"), entry.getString("type"), entry.getString("payload"),
                        entry.getDate("occurredAt").toInstant()));
                sent.add(entry.getString("eventId"));
            }
        } catch (RuntimeException e) {
            log.warn("Outbox relay stopped at document {}: {}; it tries again on the next run",
                    document.get("_id"), e.getMessage());
        } finally {
            if (!sent.isEmpty()) {
                documents.updateOne(Filters.eq("_id", document.get("_id")),
                        Updates.pull(OutboxEntry.FIELD, Filters.in("eventId", sent)));
                published.increment(sent.size());
            }
        }
        return sent.size();
    }

    @Override
    public void start() {
        running = true;
    }

    @Override
    public void stop() {
        running = false;
        lease.release();
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
