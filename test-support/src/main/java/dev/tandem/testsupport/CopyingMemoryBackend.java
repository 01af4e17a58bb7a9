package dev.tandem.testsupport;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;
import java.util.Set;

/**
 * mongo-java-server's in-memory backend, answering reads with copies of the stored documents, as MongoDB does. The
 * backend changes a stored document in place, field by field, under its collection's lock, but answers a read with
 * the stored documents themselves, which are encoded onto the socket after the lock is let go: a read that races a
 * write could send half of the old document and half of the new one (a new version with the old status, say), which
 * no MongoDB ever shows, and which a versioned save of what was read would then write back. Here an answer is copied
 * while the collection is held, so that it shows every document whole, as one write left it.
 */
final class CopyingMemoryBackend extends MemoryBackend {

    // the commands that answer with stored documents; getMore names its collection in a field of its own
    private static final Set<String> READS = Set.of("find", "getmore", "findandmodify", "aggregate");

    @Override
    public Document handleCommand(Channel channel, String databaseName, String command, Document query) {
        MongoCollection<?> collection = READS.contains(command.toLowerCase()) ? collection(databaseName, command, query)
                : null;
        if (collection == null) {
            return super.handleCommand(channel, databaseName, command, query);
        }
        // the collection's own lock, which its writes hold too
        synchronized (collection) {
            return super.handleCommand(channel, databaseName, command, query).cloneDeeply();
        }
    }

    private MongoCollection<?> collection(String databaseName, String command, Document query) {
        Object name = command.equalsIgnoreCase("getMore") ? query.get("collection") : query.get(command);
        return name instanceof String collectionName
                ? resolveDatabase(databaseName).resolveCollection(collectionName, false) : null;
    }
}
