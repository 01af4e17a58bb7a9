package dev.tandem.local;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.bson.Document;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The state of the local store as its journal (or an older store's file) describes it: databases, their
 * collections with options and index descriptions, and each collection's documents by {@code _id}. Records are
 * applied in the order they were written; the last state of each document wins.
 */
final class StoreImage {

    private static final String ID = "_id";

    /** One collection: its options, its indexes by name (not the one on {@code _id}) and its documents. */
    static final class CollectionImage {

        private Document options = new Document();
        private final Map<String, Document> indexes = new LinkedHashMap<>();
        private final Map<KeyValue, Document> documents = new LinkedHashMap<>();

        Document options() {
            return options;
        }

        Collection<Document> indexes() {
            return indexes.values();
        }

        Collection<Document> documents() {
            return documents.values();
        }
    }

    private final Map<String, Map<String, CollectionImage>> databases = new LinkedHashMap<>();

    /** Databases by name, each with its collections by name, in the order they were created. */
    Map<String, Map<String, CollectionImage>> databases() {
        return databases;
    }

    long documentCount() {
        return databases.values().stream().flatMap(collections -> collections.values().stream())
                .mapToLong(collection -> collection.documents.size()).sum();
    }

    void apply(DocumentJournal.Entry entry) {
        String database = entry.database();
        String collection = entry.collection();
        Document document = entry.document();
        switch (entry.operation()) {
            case PUT -> collection(database, collection).documents.put(key(document), document);
            case DELETE -> {
                CollectionImage existing = existing(database, collection);
                if (existing != null) {
                    existing.documents.remove(key(document));
                }
            }
            case CREATE_COLLECTION -> collection(database, collection).options = document;
            case CREATE_INDEX -> {
                document.put("ns", database + "." + collection);
                collection(database, collection).indexes.put((String) document.get("name"), document);
            }
            case DROP_INDEX -> {
                CollectionImage existing = existing(database, collection);
                if (existing != null) {
                    existing.indexes.remove((String) document.get("name"));
                }
            }
            case DROP_COLLECTION -> {
                Map<String, CollectionImage> collections = databases.get(database);
                if (collections != null) {
                    collections.remove(collection);
                }
            }
            case DROP_DATABASE -> databases.remove(database);
            case RENAME_COLLECTION -> rename(database, collection, (String) document.get("database"),
                    (String) document.get("collection"));
        }
    }

    // The source's documents and indexes join the target's, if it has any: a renamed collection's target was either
    // dropped before (which the journal says) or, after an online compaction, is the same collection's snapshot.
    private void rename(String database, String collection, String newDatabase, String newCollection) {
        Map<String, CollectionImage> collections = databases.get(database);
        CollectionImage source = collections == null ? null : collections.remove(collection);
        if (source == null) {
            return;
        }
        CollectionImage target = collection(newDatabase, newCollection);
        target.options = source.options;
        source.indexes.forEach((name, description) -> {
            description.put("ns", newDatabase + "." + newCollection);
            target.indexes.put(name, description);
        });
        target.documents.putAll(source.documents);
    }

    private CollectionImage collection(String database, String collection) {
        return databases.computeIfAbsent(database, name -> new LinkedHashMap<>())
                .computeIfAbsent(collection, name -> new CollectionImage());
    }

    private CollectionImage existing(String database, String collection) {
        Map<String, CollectionImage> collections = databases.get(database);
        return collections == null ? null : collections.get(collection);
    }

    // _id values compare as the store's unique index compares them (1 and 1.0 are the same _id)
    private static KeyValue key(Document document) {
        return new KeyValue((Object) document.get(ID)).normalized();
    }
}
