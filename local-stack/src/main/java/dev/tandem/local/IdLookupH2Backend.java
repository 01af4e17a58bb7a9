package dev.tandem.local;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.ObjectId;
import java.util.List;
import java.util.UUID;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

/**
 * mongo-java-server's H2 backend, but a filter that pins {@code _id} to one value reads that one document. The
 * backend itself uses an index only when the filter has exactly the index's fields, so the filter Spring Data
 * sends for every save of a versioned document, {@code {_id, version}}, scanned the whole collection, holding the
 * collection's lock meanwhile: every save cost as much as the collection was large, and held up all other writes
 * to it. Real MongoDB answers such a filter from the {@code _id} index, as this backend now does.
 */
final class IdLookupH2Backend extends H2Backend {

    IdLookupH2Backend(String fileName) {
        super(fileName);
    }

    @Override
    protected MongoDatabase openOrCreateDatabase(String databaseName) {
        return new Database(databaseName);
    }

    // An inner class: H2Database's constructor already opens collections, before a field of its own could be set.
    private final class Database extends H2Database {

        Database(String databaseName) {
            super(databaseName, getMvStore(), getCursorRegistry());
        }

        @Override
        protected MongoCollection<Object> openOrCreateCollection(String collectionName, CollectionOptions options) {
            // the maps H2Database opens for a collection, by the same names, so that existing data is found
            String namespace = getFullCollectionNamespace(collectionName);
            MVStore store = getMvStore();
            return new Collection(this, collectionName, options, store.openMap("databases." + namespace),
                    store.openMap("meta." + namespace), cursorRegistry);
        }
    }

    private static final class Collection extends H2Collection {

        Collection(MongoDatabase database, String collectionName, CollectionOptions options,
                   MVMap<Object, Document> dataMap, MVMap<String, Object> metaMap,
                   CursorRegistry cursorRegistry) {
            super(database, collectionName, options, dataMap, metaMap, cursorRegistry);
        }

        @Override
        protected QueryResult queryDocuments(Document query, Document orderBy, int numberToSkip, int limit,
                                             int batchSize, Document fieldSelector) {
            Object id = query.get(getIdField());
            if (query.size() > 1 && isPlainId(id)) {
                // documents are stored under their _id: the whole filter is matched against that one, if it exists
                List<Object> positions = getDocument(id) == null ? List.of() : List.of(id);
                return matchDocuments(query, positions, orderBy, numberToSkip, limit, batchSize, fieldSelector);
            }
            return super.queryDocuments(query, orderBy, numberToSkip, limit, batchSize, fieldSelector);
        }

        // an exact value whose Java equality is MongoDB's (unlike numbers, where 1 equals 1.0), not an operator
        private static boolean isPlainId(Object id) {
            return id instanceof String || id instanceof ObjectId || id instanceof UUID;
        }
    }
}
