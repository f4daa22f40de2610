package dev.switchboard.benchmarks.rest;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.HdrHistogram.Histogram;

/**
 * A closed-loop load: {@code threads} callers each run {@code call} back to back for a while;
 * every latency goes into one histogram. The same generator drives every scenario.
 */
final class LoadGenerator {

    private final int threads;

    LoadGenerator(int threads) {
        this.threads = threads;
    }

    /** One run of {@code call} for {@code duration}; the call gets its sequence number. */
    Result run(Duration duration, Call call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            long end = System.nanoTime() + duration.toNanos();
            List<Future<Histogram>> callers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                callers.add(pool.submit(() -> {
                    Histogram latencies = new Histogram(Duration.ofSeconds(30).toNanos(), 3);
                    long sequence = thread;
                    while (System.nanoTime() < end) {
                        long started = System.nanoTime();
                        call.run(sequence);
                        latencies.recordValue(Math.min(System.nanoTime() - started, latencies.getHighestTrackableValue()));
                        sequence += threads;
                    }
                    return latencies;
                }));
            }
            Histogram all = new Histogram(Duration.ofSeconds(30).toNanos(), 3);
            for (Future<Histogram> caller : callers) {
                all.add(caller.get());
            }
            return new Result(all.getTotalCount() / (duration.toNanos() / 1e9),
                    all.getValueAtPercentile(50) / 1e3, all.getValueAtPercentile(99) / 1e3);
        } finally {
            pool.shutdownNow();
        }
    }

    @FunctionalInterface
    interface Call {
        void run(long sequence) throws Exception;
    }

    /** Calls per second, and median and 99th percentile latency in microseconds. */
    record Result(double throughput, double p50Micros, double p99Micros) {}
}
