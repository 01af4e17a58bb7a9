package dev.tandem.platform.inbox;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import dev.tandem.contracts.EventCodec;
import dev.tandem.contracts.TandemEvent;
import dev.tandem.platform.correlation.CorrelationId;
import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.messaging.Message;

/**
 * The one idempotent-consumer mechanism: every listener is an {@link EventConsumer} built here. It reads an event
 * from a Kafka message, skips it if this consumer has already handled it, hands it to the handler, and remembers its
 * id.
 * <p>
 * A handler that throws leaves the event unremembered, so the binder retries it and, after its bounded
 * attempts, sends it to the dead-letter topic. So does a payload that is not an event at all. An event of a
 * type this service does not know is skipped (tolerant reader). If the process dies after the handler and
 * before the id is remembered, the event is handled again: handlers therefore make their effects keyed by
 * something deterministic (the event id), so that the second run finds its work done.
 */
public class EventInbox {

    static final String COLLECTION = "processed_events";
    private static final Logger log = LoggerFactory.getLogger(EventInbox.class);

    private final MongoCollection<Document> processed;
    private final Clock clock;
    private final Duration retention;

    public EventInbox(MongoTemplate mongo, Clock clock, Duration retention) {
        this.processed = mongo.getCollection(COLLECTION);
        this.clock = clock;
        this.retention = retention;
        // real MongoDB expires old ids by itself; forgetOldEvents does it where TTL indexes do nothing
        processed.createIndex(Indexes.ascending("processedAt"),
                new IndexOptions().expireAfter(retention.toSeconds(), TimeUnit.SECONDS));
    }

    /**
     * A consumer that hands every event of the topic's family to one handler, for a projection that follows every
     * type (switch over the sealed family, exhaustively).
     *
     * @param name   names the consumer, so that two consumers in one service track their events separately
     * @param family the topic's sealed event interface
     */
    public <E extends TandemEvent> EventConsumer<E> consumer(String name, Class<E> family,
                                                             Consumer<? super E> handler) {
        return new EventConsumer<>(this, name, family, handler, Map.of());
    }

    /**
     * A consumer that handles only the event types then given to it with {@link EventConsumer#on}; events of other
     * types are skipped without a look at the inbox.
     *
     * @param name   names the consumer, so that two consumers in one service track their events separately
     * @param family the topic's sealed event interface
     */
    public <E extends TandemEvent> EventConsumer<E> consumer(String name, Class<E> family) {
        return new EventConsumer<>(this, name, family, null, Map.of());
    }

    /** Handles one message, at most once per consumer and event id, if the consumer has a handler for its type. */
    <E extends TandemEvent> void receive(String consumer, Message<byte[]> message, Class<E> family,
                                         Function<E, Consumer<? super E>> handlerFor) {
        Optional<E> decoded = EventCodec.decode(message.getPayload(), family);
        if (decoded.isEmpty()) {
            log.debug("{} skips an event type it does not know", consumer);
            return;
        }
        E event = decoded.get();
        Consumer<? super E> handler = handlerFor.apply(event);
        if (handler == null) {
            return;
        }
        String id = consumer + ":" + event.eventId();
        try (CorrelationId.Scope scope = CorrelationId.of(event)) {
            if (processed.find(Filters.eq("_id", id)).first() != null) {
                log.debug("{} already handled {} {}", consumer, event.type(), event.eventId());
                return;
            }
            handler.accept(event);
            remember(id);
            log.debug("{} handled {} {}", consumer, event.type(), event.eventId());
        }
    }

    private void remember(String id) {
        try {
            processed.insertOne(new Document("_id", id).append("processedAt", Date.from(clock.instant())));
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
        }
    }

    /** Removes the ids older than the retention, where the store's TTL index does not (the platform schedules it). */
    public void forgetOldEvents() {
        processed.deleteMany(Filters.lt("processedAt", Date.from(clock.instant().minus(retention))));
    }
}
