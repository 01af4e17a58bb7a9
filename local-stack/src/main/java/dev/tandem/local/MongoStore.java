package dev.tandem.local;

import de.bwaldvogel.mongo.MongoServer;
import java.nio.file.Path;

/**
 * A MongoDB-wire-protocol server in the launcher's JVM. It keeps its data in memory and every change in a journal
 * file too, so the data survives restarts; see {@link DurableMemoryBackend} for how durable that is.
 */
final class MongoStore implements AutoCloseable {

    private final DurableMemoryBackend backend;
    private final MongoServer server;

    private MongoStore(DurableMemoryBackend backend, MongoServer server) {
        this.backend = backend;
        this.server = server;
    }

    /**
     * Opens the store kept in the journal file (importing the H2 file of earlier versions if there is one and no
     * journal yet) and listens on the port.
     */
    static MongoStore start(Path journal, Path legacyH2File, int port) {
        DurableMemoryBackend backend = DurableMemoryBackend.open(journal, legacyH2File);
        MongoServer server = new MongoServer(backend);
        try {
            server.bind(Endpoints.HOST, port);
        } catch (RuntimeException e) {
            backend.close();
            throw new IllegalStateException("Could not listen on port " + port + " for MongoDB", e);
        }
        return new MongoStore(backend, server);
    }

    @Override
    public void close() {
        // once its threads have stopped the server closes the backend, which forces the journal to the disk; closing
        // it here as well makes sure of that and does nothing more
        server.shutdownNow();
        backend.close();
    }
}
