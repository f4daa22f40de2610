package dev.switchboard.it.faults;

import java.time.Duration;

/** Sleeps of the scenarios' script (warm-up, downtime), interruptions turned into failures. */
final class Pause {

    private Pause() {}

    static void millis(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    static void of(Duration duration) {
        millis(duration.toMillis());
    }
}
