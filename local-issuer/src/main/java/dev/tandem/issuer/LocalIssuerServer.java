package dev.tandem.issuer;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The local issuer on an HTTP port of its own, on the loopback address only; for tests and for running the issuer
 * on its own ({@code java -cp ... dev.tandem.issuer.LocalIssuerServer [port]}).
 */
public final class LocalIssuerServer implements AutoCloseable {

    /** The path the issuer lives at on its server. */
    public static final String PATH = "/issuer";

    private final HttpServer server;
    private final ExecutorService executor;
    private final LocalIssuer issuer;

    private LocalIssuerServer(HttpServer server, ExecutorService executor, LocalIssuer issuer) {
        this.server = server;
        this.executor = executor;
        this.issuer = issuer;
    }

    /** Starts an issuer with a new key on the given port (0 for any free one) of 127.0.0.1. */
    public static LocalIssuerServer start(int port) {
        return start(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), null);
    }

    /**
     * Starts an issuer with a new key.
     *
     * @param address   where to listen
     * @param issuerUri the issuer's name in its tokens, as the services are configured with it; null for
     *                  {@code http://127.0.0.1:<port>/issuer}
     */
    public static LocalIssuerServer start(InetSocketAddress address, String issuerUri) {
        try {
            HttpServer server = HttpServer.create(address, 0);
            LocalIssuer issuer = LocalIssuer.withNewKey(issuerUri != null ? issuerUri
                    : "http://127.0.0.1:" + server.getAddress().getPort() + PATH);
            ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
            server.createContext(PATH, new IssuerEndpoint(issuer, PATH));
            server.setExecutor(executor);
            server.start();
            return new LocalIssuerServer(server, executor, issuer);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the local issuer on " + address, e);
        }
    }

    public LocalIssuer issuer() {
        return issuer;
    }

    @Override
    public void close() {
        server.stop(0);
        executor.close();
    }

    /**
     * Runs the issuer on its own, as the Docker Compose setup does: {@code [port [bind-address [issuer-uri]]]},
     * for example {@code 8025 0.0.0.0 http://issuer:8025/issuer}.
     */
    public static void main(String[] args) {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 8025;
        InetSocketAddress address = args.length > 1 ? new InetSocketAddress(args[1], port)
                : new InetSocketAddress(InetAddress.getLoopbackAddress(), port);
        LocalIssuerServer server = start(address, args.length > 2 ? args[2] : null);
        System.out.println("Local issuer at " + server.issuer().issuer() + " (tokens: " + server.issuer().issuer()
                + "/token?role=customer&subject=ada)");
    }
}
