package dev.tandem.routing.queue;

import java.time.Duration;

/** Durations in the words of an explanation: "90 s", "5 min", "4 h". */
public final class Durations {

    private Durations() {
    }

    public static String words(Duration duration) {
        long seconds = duration.toSeconds();
        if (seconds % 3600 == 0 && seconds > 0) {
            return seconds / 3600 + " h";
        }
        if (seconds % 60 == 0 && seconds > 0) {
            return seconds / 60 + " min";
        }
        return seconds + " s";
    }
}
