package dev.tandem.local;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.DefaultQueryMatcher;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.QueryMatcher;
import de.bwaldvogel.mongo.backend.Utils;
import de.bwaldvogel.mongo.bson.Document;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A sparse index on one field, as MongoDB keeps it for {@code createIndex({field: 1}, {sparse: true})}, that
 * answers the one question it is complete for: which documents have the field ({@code {field: {$exists: true}}}).
 * mongo-java-server keeps unique indexes only, so without this such a filter reads every document of the
 * collection, under the collection's lock. The outbox relay's sweep asks it of every collection it relays from,
 * once a minute and again at once while it finds full batches; with this index the answer costs what is pending,
 * not what is stored.
 *
 * <p>A document is in the index when the store's own query matcher finds the field in it, so the index and a scan
 * agree, arrays included ({@code outbox.eventId} exists while the {@code outbox} list holds an entry). Documents
 * are kept in the order they entered the index. The collection calls every method under its lock.
 *
 * @param <P> how the collection addresses a document's position
 */
final class PresenceIndex<P> extends Index<P> {

    private final String field;
    private final String idField;
    private final Document existsQuery;
    private final QueryMatcher matcher = new DefaultQueryMatcher();
    // the _id of every document that has the field, and its position, in the order they entered
    private final Map<Object, P> positions = new LinkedHashMap<>();

    PresenceIndex(String name, IndexKey key, String idField) {
        super(name, List.of(key), true);
        this.field = key.getKey();
        this.idField = idField;
        this.existsQuery = new Document(field, new Document("$exists", true));
    }

    @Override
    public synchronized boolean canHandle(Document query) {
        return query.size() == 1 && query.get(field) instanceof Document condition && condition.size() == 1
                && condition.containsKey("$exists") && Utils.isTrue(condition.get("$exists"));
    }

    @Override
    public synchronized Iterable<P> getPositions(Document query) {
        // a copy: the query reads the documents after this returns
        return new ArrayList<>(positions.values());
    }

    @Override
    public synchronized P getPosition(Document document) {
        return positions.get(document.get(idField));
    }

    @Override
    public void checkAdd(Document document, MongoCollection<P> collection) {
        // not unique: any document may be added
    }

    @Override
    public synchronized void add(Document document, P position, MongoCollection<P> collection) {
        if (hasField(document)) {
            positions.put(document.get(idField), position);
        }
    }

    @Override
    public synchronized P remove(Document document) {
        return positions.remove(document.get(idField));
    }

    @Override
    public void checkUpdate(Document oldDocument, Document newDocument, MongoCollection<P> collection) {
        // not unique: any update may be made
    }

    @Override
    public synchronized void updateInPlace(Document oldDocument, Document newDocument, P position,
                                           MongoCollection<P> collection) {
        Object id = newDocument.get(idField);
        if (hasField(newDocument)) {
            positions.putIfAbsent(id, position);
        } else {
            positions.remove(id);
        }
    }

    @Override
    public synchronized long getCount() {
        return positions.size();
    }

    @Override
    public long getDataSize() {
        return 0;
    }

    @Override
    public synchronized void drop() {
        positions.clear();
    }

    private boolean hasField(Document document) {
        return matcher.matches(document, existsQuery);
    }
}
