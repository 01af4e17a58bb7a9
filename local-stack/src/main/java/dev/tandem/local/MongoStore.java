package dev.tandem.local;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A MongoDB-wire-protocol server in the launcher's JVM, keeping its data in an H2 file so it survives restarts. */
final class MongoStore implements AutoCloseable {

    private final H2Backend backend;
    private final MongoServer server;

    private MongoStore(H2Backend backend, MongoServer server) {
        this.backend = backend;
        this.server = server;
    }

    static MongoStore start(Path file, int port) {
        try {
            Files.createDirectories(file.getParent());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        H2Backend backend = new IdLookupH2Backend(file.toString());
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
        server.shutdownNow();
        // the server leaves its backend open; closing the store writes its last changes to the file
        backend.close();
    }
}
