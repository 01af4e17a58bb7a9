package dev.tandem.local;

import java.nio.file.Path;
import java.util.List;

/** The store alone in a JVM of its own, for tests that kill it as a crash would. */
final class StoreProcess {

    private StoreProcess() {
    }

    /** {@code StoreProcess <file> <port>}: serves the store kept in the file until killed. */
    public static void main(String[] args) throws InterruptedException {
        MongoStore.start(Path.of(args[0]), Integer.parseInt(args[1]));
        Thread.currentThread().join();
    }

    static ChildProcess start(Path file, int port, Path log) {
        return ChildProcess.startJava("store", List.of("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-cp", System.getProperty("java.class.path"), StoreProcess.class.getName(), file.toString(),
                String.valueOf(port)), log);
    }
}
