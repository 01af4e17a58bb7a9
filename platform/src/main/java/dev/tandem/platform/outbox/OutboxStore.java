package dev.tandem.platform.outbox;

import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;
import dev.tandem.platform.outbox.Announcements.Announcement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * The outbox collections as the relay reads and writes them: the pending events of announced documents, a sweep
 * for those never announced, and the removal of what the broker acknowledged.
 * <p>
 * The removal also advances the document's version, so that a whole-document save of a copy read before it fails
 * its version check instead of writing published events back; the writer applies its change again to the document
 * as it is now (see {@code Aggregates}).
 */
final class OutboxStore {

    /**
     * The sparse index on the pending events' ids in each outbox collection: it holds only the documents with
     * pending events, so that a sweep reads those instead of every document.
     */
    private static final String PENDING_INDEX = "outbox_pending";
    private static final String PENDING_EVENT_ID = OutboxEntry.FIELD + ".eventId";

    private final MongoTemplate mongo;
    // each outbox collection, with the field its documents keep their version in
    private final Map<String, String> versionFields;

    OutboxStore(MongoTemplate mongo, Map<String, String> versionFields) {
        this.mongo = mongo;
        this.versionFields = Map.copyOf(versionFields);
        for (String collection : versionFields.keySet()) {
            mongo.getCollection(collection).createIndex(Indexes.ascending(PENDING_EVENT_ID),
                    new IndexOptions().sparse(true).name(PENDING_INDEX));
        }
    }

    boolean isOutbox(String collection) {
        return versionFields.containsKey(collection);
    }

    /** The announced documents that still have pending events, read by {@code _id} alone, in announcement order. */
    List<PendingDocument> read(List<Announcement> announced) {
        Map<String, Set<Object>> idsByCollection = new LinkedHashMap<>();
        for (Announcement announcement : announced) {
            if (isOutbox(announcement.collection())) {
                idsByCollection.computeIfAbsent(announcement.collection(), collection -> new LinkedHashSet<>())
                        .add(announcement.id());
            }
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

    /** Up to {@code batchSize} documents with pending events from each collection, from its sparse index. */
    Sweep sweep(int batchSize) {
        List<PendingDocument> pending = new ArrayList<>();
        boolean full = false;
        for (String collection : versionFields.keySet()) {
            List<Document> found = mongo.getCollection(collection).find(Filters.exists(PENDING_EVENT_ID))
                    .projection(Projections.include(OutboxEntry.FIELD))
                    .limit(batchSize)
                    .into(new ArrayList<>());
            full |= found.size() == batchSize;
            for (Document document : found) {
                PendingDocument.read(collection, document).ifPresent(pending::add);
            }
        }
        return new Sweep(pending, full);
    }

    /**
     * Removes the acknowledged entries of each document, and only those, in one bulk write per collection.
     *
     * @return how many entries were removed
     */
    int removeAcknowledged(List<PendingDocument> documents) {
        Map<String, List<WriteModel<Document>>> pulls = new LinkedHashMap<>();
        int removed = 0;
        for (PendingDocument document : documents) {
            if (!document.acknowledged.isEmpty()) {
                pulls.computeIfAbsent(document.collection, collection -> new ArrayList<>()).add(new UpdateOneModel<>(
                        Filters.eq("_id", document.id),
                        Updates.combine(
                                Updates.pull(OutboxEntry.FIELD, Filters.in("eventId", document.acknowledged)),
                                Updates.inc(versionFields.get(document.collection), 1))));
                removed += document.acknowledged.size();
            }
        }
        pulls.forEach((collection, writes) ->
                mongo.getCollection(collection).bulkWrite(writes, new BulkWriteOptions().ordered(false)));
        return removed;
    }

    /**
     * What a sweep found.
     *
     * @param full whether some collection had a full batch: more may wait behind it
     */
    record Sweep(List<PendingDocument> documents, boolean full) {
    }
}
