package dev.switchboard.benchmarks.messaging;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/** What the consumers of one round received: how many, and publish-to-handler latencies. */
public final class Deliveries {

    private static volatile Round current = new Round(0);

    private Deliveries() {}

    /** Called by a consumer for each message, with the {@code System.nanoTime()} it was published at. */
    public static void received(long sentAtNanos) {
        current.record(System.nanoTime() - sentAtNanos);
    }

    static Round start(int expected) {
        Round round = new Round(expected);
        current = round;
        return round;
    }

    static final class Round {
        private final CountDownLatch remaining;
        private final Histogram latencies = new Histogram(60_000_000_000L, 3);

        Round(int expected) {
            this.remaining = new CountDownLatch(expected);
        }

        private synchronized void record(long nanos) {
            latencies.recordValue(Math.max(0, Math.min(nanos, latencies.getHighestTrackableValue())));
            remaining.countDown();
        }

        boolean await(long seconds) throws InterruptedException {
            return remaining.await(seconds, TimeUnit.SECONDS);
        }

        synchronized double p50Micros() {
            return latencies.getValueAtPercentile(50) / 1e3;
        }

        synchronized double p99Micros() {
            return latencies.getValueAtPercentile(99) / 1e3;
        }
    }
}
