package dev.tandem.platform.outbox;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A document's pending events as read for one run, and which of them the broker has acknowledged in it. */
final class PendingDocument {

    private static final Logger log = LoggerFactory.getLogger(PendingDocument.class);

    final String collection;
    final Object id;
    final List<OutboxEntry> entries;
    /** The Kafka keys of its entries: documents that share one are sent one after the other. */
    final Set<String> keys = new LinkedHashSet<>();
    // written by the one thread that sends the document's chain, read once all sends of the run are done
    final List<String> acknowledged = new ArrayList<>();

    PendingDocument(String collection, Object id, List<OutboxEntry> entries) {
        this.collection = collection;
        this.id = id;
        this.entries = List.copyOf(entries);
        for (OutboxEntry entry : entries) {
            keys.add(entry.key() != null ? entry.key() : collection + "/" + id);
        }
    }

    /** The document's pending events, or empty when it has none or they cannot be read (which is logged). */
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
            log.warn("Outbox relay cannot read the outbox of document {} in {}: {}", id, collection, e.toString());
            return Optional.empty();
        }
    }
}
