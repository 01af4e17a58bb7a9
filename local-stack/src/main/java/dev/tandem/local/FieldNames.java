package dev.tandem.local;

import de.bwaldvogel.mongo.bson.Document;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One instance of each field name for all the store's documents. Each document arrives from the wire with its own
 * copies of its field names (two objects each), which the store would keep as long as the document: about a third
 * of a stored document's objects, and objects are what the garbage collector copies and the heap holds. Field
 * names come from the services' schemas, so there are few of them; past {@link #LIMIT} names, further ones are
 * kept as they come, so that a writer inventing names cannot fill the heap through this table.
 */
final class FieldNames {

    static final int LIMIT = 10_000;

    private final Map<String, String> names = new ConcurrentHashMap<>();

    /** Puts the document's fields back with the shared names, in the same order, nested documents included. */
    void share(Document document) {
        Document shared = sharedCopy(document);
        document.clear();
        document.putAll(shared);
    }

    private Document sharedCopy(Document document) {
        Document copy = new Document();
        document.forEach((name, value) -> copy.put(shared(name), sharedValue(value)));
        return copy;
    }

    private Object sharedValue(Object value) {
        if (value instanceof Document document) {
            return sharedCopy(document);
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>(list.size());
            for (Object element : list) {
                copy.add(sharedValue(element));
            }
            return copy;
        }
        return value;
    }

    private String shared(String name) {
        String known = names.get(name);
        if (known != null) {
            return known;
        }
        if (names.size() >= LIMIT) {
            return name;
        }
        known = names.putIfAbsent(name, name);
        return known == null ? name : known;
    }

    int size() {
        return names.size();
    }
}
