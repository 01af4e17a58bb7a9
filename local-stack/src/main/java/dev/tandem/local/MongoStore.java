package dev.tandem.local;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.MVStoreException;

/**
 * A MongoDB-wire-protocol server in the launcher's JVM: mongo-java-server with its H2 backend, which keeps every
 * database in one H2 MVStore file. See docs/local-stack.md for what survives a kill or a crash.
 */
final class MongoStore implements AutoCloseable {

    /**
     * How often H2 commits, writing its changes to the file: every 100 ms, as MongoDB commits its journal, so a kill of
     * the launcher loses at most the writes of the last 100 ms. A commit per write cost twice the CPU per write.
     */
    static final int COMMIT_INTERVAL_MS = 100;

    private final MongoServer server;

    private MongoStore(MongoServer server) {
        this.server = server;
    }

    /** Opens the store kept in the file, creating it if there is none yet, and listens on the port. */
    static MongoStore start(Path file, int port) {
        H2Backend backend = new H2Backend(open(file));
        MongoServer server = new MongoServer(backend);
        try {
            server.bind(Endpoints.HOST, port);
        } catch (RuntimeException e) {
            backend.close();
            throw new IllegalStateException("Could not listen on port " + port + " for MongoDB", e);
        }
        return new MongoStore(server);
    }

    private static MVStore open(Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            MVStore store = MVStore.open(file.toString());
            store.setAutoCommitDelay(COMMIT_INTERVAL_MS);
            return store;
        } catch (MVStoreException e) {
            // H2 locks its file: most often another stack runs on the same data directory
            throw new IllegalStateException("Could not open the store's file " + file + ": " + e.getMessage(), e);
        }
    }

    /** Stops listening, then closes the backend: H2 commits what is left and closes its file. */
    @Override
    public void close() {
        server.shutdownNow();
    }
}
