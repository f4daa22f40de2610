package dev.switchboard.it.queues;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Waits for what a broker delivers asynchronously; the limit only bounds a failing test. */
final class Await {

    static final Duration LIMIT = Duration.ofSeconds(30);

    private Await() {}

    static void until(String what, BooleanSupplier condition) throws InterruptedException {
        long giveUp = System.nanoTime() + LIMIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > giveUp) {
                throw new AssertionError("gave up waiting: " + what);
            }
            Thread.sleep(20);
        }
    }

    /** Gives the broker a moment to deliver anything it still would (a duplicate, a second copy). */
    static void settle() throws InterruptedException {
        Thread.sleep(500);
    }
}
