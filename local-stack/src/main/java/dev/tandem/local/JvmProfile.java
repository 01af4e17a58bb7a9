package dev.tandem.local;

import java.util.List;

/** How the services' JVMs are set up: small and quick to start by default, or for a load test. */
public enum JvmProfile {

    /** Small heaps and the client compiler only: the stack starts fast and fits in little memory. */
    SMALL(List.of("-XX:+UseSerialGC", "-Xms64m", "-Xmx256m",
            // the client compiler only: a local run starts faster and never sees load worth optimizing for
            "-XX:TieredStopAtLevel=1")),

    /**
     * For load tests ({@code --perf}): the full JIT (C2) and larger heaps, so that a measurement shows the code and not
     * the local flags. Starts slower and needs more memory. The serial collector with a large young generation: a young
     * collection every few seconds, of about 10 ms under load, where the default 512 MB heap collected every second;
     * the concurrent collectors (ZGC, G1) took more of two cores than their shorter pauses gave back. The heap's memory
     * is touched at start ({@code AlwaysPreTouch}, about two seconds per gigabyte on a virtual machine): otherwise each
     * collection that promotes objects into old-generation memory not used before waits for the operating system to
     * hand those pages over, which on a virtual machine made up two thirds of the store's pauses. And no collection
     * just because compiled code grew by 15 % of the code cache (the default {@code SweeperThreshold}): with the serial
     * collector that is a full collection, 190–280 ms in intake at a moment the C2 compiler chooses; cold code is still
     * unloaded once the code cache is 90 % full (docs/performance.md).
     */
    PERFORMANCE(List.of("-XX:+UseSerialGC", "-Xms1g", "-Xmx1g", "-Xmn512m", "-XX:+AlwaysPreTouch",
            "-XX:SweeperThreshold=100"));

    private final List<String> options;

    JvmProfile(List<String> options) {
        this.options = options;
    }

    List<String> options() {
        return options;
    }
}
