package dev.tandem.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The TCP ports the local stack listens on, all on 127.0.0.1. */
public record Ports(int kafka, int kafkaController, int mongo, int smtp, int tools,
                    int intake, int routing, int notification, int feedback) {

    private static final int COUNT = 9;

    /** The well-known ports that developers' tools and the services' own defaults expect. */
    public static Ports defaults() {
        return new Ports(9092, 9093, 27017, 3025, 8025, 8081, 8082, 8083, 8084);
    }

    /** Ports the operating system reports free right now, so test runs neither clash with each other nor with a running stack. */
    public static Ports free() {
        int[] p = freePorts();
        return new Ports(p[0], p[1], p[2], p[3], p[4], p[5], p[6], p[7], p[8]);
    }

    /** Fails naming the first port that is taken, before anything starts: usually another stack still runs. */
    void requireFree() {
        named().forEach((name, port) -> {
            try (ServerSocket probe = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
                // bound, so nothing else listens there
            } catch (IOException e) {
                throw new IllegalStateException("Port " + port + " (" + name + ") is already in use: is another Tandem stack running?");
            }
        });
    }

    private Map<String, Integer> named() {
        Map<String, Integer> named = new LinkedHashMap<>();
        named.put("Kafka", kafka);
        named.put("Kafka controller", kafkaController);
        named.put("MongoDB", mongo);
        named.put("SMTP", smtp);
        named.put("local tools", tools);
        named.put("intake-service", intake);
        named.put("routing-service", routing);
        named.put("notification-service", notification);
        named.put("feedback-service", feedback);
        return named;
    }

    // All sockets stay open until every port is read, so the same port cannot be handed out twice.
    private static int[] freePorts() {
        List<ServerSocket> sockets = new ArrayList<>();
        try {
            for (int i = 0; i < COUNT; i++) {
                sockets.add(new ServerSocket(0, 1, InetAddress.getLoopbackAddress()));
            }
            return sockets.stream().mapToInt(ServerSocket::getLocalPort).toArray();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not find free ports", e);
        } finally {
            sockets.forEach(Ports::closeQuietly);
        }
    }

    private static void closeQuietly(ServerSocket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // the port was only borrowed to learn its number
        }
    }
}
