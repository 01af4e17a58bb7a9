package dev.tandem.local;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.Document;
import dev.tandem.local.DocumentJournal.Entry;
import dev.tandem.local.DocumentJournal.Operation;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * Reads the file of mongo-java-server's H2 backend, which the local stack kept its data in before, into a
 * {@link StoreImage}: every database's collections, their unique indexes and their documents.
 */
final class H2Import {

    private static final String NAMESPACES = "system.namespaces";
    private static final String INDEXES = "system.indexes";

    private H2Import() {
    }

    static void read(Path file, StoreImage image) {
        LegacyBackend backend = new LegacyBackend(file);
        try {
            for (String databaseName : backend.databaseNames()) {
                read(backend.resolveDatabase(databaseName), image);
            }
        } finally {
            backend.close();
        }
    }

    private static void read(MongoDatabase database, StoreImage image) {
        String databaseName = database.getDatabaseName();
        MongoCollection<?> namespaces = database.resolveCollection(NAMESPACES, false);
        if (namespaces == null) {
            return;
        }
        for (Document namespace : namespaces.queryAll()) {
            String collectionName = ((String) namespace.get("name")).substring(databaseName.length() + 1);
            if (collectionName.startsWith("system.")) {
                continue;
            }
            MongoCollection<?> collection = database.resolveCollection(collectionName, true);
            image.apply(new Entry(Operation.CREATE_COLLECTION, databaseName, collectionName, new Document()));
            for (Document document : collection.queryAll()) {
                image.apply(new Entry(Operation.PUT, databaseName, collectionName, document));
            }
        }
        MongoCollection<?> indexes = database.resolveCollection(INDEXES, false);
        if (indexes == null) {
            return;
        }
        for (Document index : indexes.queryAll()) {
            String collectionName = ((String) index.get("ns")).substring(databaseName.length() + 1);
            Document key = (Document) index.get("key");
            if (!key.keySet().equals(Set.of("_id"))) {
                image.apply(new Entry(Operation.CREATE_INDEX, databaseName, collectionName, index.cloneDeeply()));
            }
        }
    }

    // H2Backend opens every database in the file as it starts, but only a subclass may ask for their names
    private static final class LegacyBackend extends H2Backend {

        LegacyBackend(Path file) {
            super(file.toString());
        }

        List<String> databaseNames() {
            return listDatabaseNames().stream().sorted().toList();
        }
    }
}
