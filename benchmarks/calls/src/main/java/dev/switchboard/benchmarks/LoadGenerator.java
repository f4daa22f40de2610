package dev.switchboard.benchmarks;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.ToDoubleFunction;
import org.HdrHistogram.Histogram;

/**
 * A closed-loop load: {@code threads} callers each run {@code call} back to back for a while;
 * every latency goes into one histogram. The same generator drives every scenario.
 */
public final class LoadGenerator {

    private final int threads;
    private final Duration round;
    private final int rounds;

    public LoadGenerator(int threads, Duration round, int rounds) {
        this.threads = threads;
        this.round = round;
        this.rounds = rounds;
    }

    /**
     * The shape every benchmark takes from its command line: {@code -Dbench.threads} callers (8),
     * {@code -Dbench.seconds} a round (10), {@code -Dbench.rounds} (3).
     */
    public static LoadGenerator fromSystemProperties() {
        return new LoadGenerator(Integer.getInteger("bench.threads", 8),
                Duration.ofSeconds(Integer.getInteger("bench.seconds", 10)), Integer.getInteger("bench.rounds", 3));
    }

    /** One run of {@code call} for {@code duration}; the call gets its sequence number. */
    public Result run(Duration duration, Call call) throws Exception {
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

    /** Runs the scenarios {@link #interleaved interleaved}, prints their medians and returns them in scenario order. */
    public List<Result> measure(Map<String, Call> scenarios) throws Exception {
        List<Result> medians = report(threads, round, rounds, interleaved(scenarios));
        System.out.println();
        return medians;
    }

    /**
     * One warm-up run of every scenario, then {@code rounds} rounds running each scenario in turn,
     * so drift in the machine hits every scenario alike.
     */
    public Map<String, List<Result>> interleaved(Map<String, Call> scenarios) throws Exception {
        Map<String, List<Result>> results = new LinkedHashMap<>();
        for (Map.Entry<String, Call> scenario : scenarios.entrySet()) {
            run(round, scenario.getValue());
            results.put(scenario.getKey(), new ArrayList<>());
        }
        for (int r = 0; r < rounds; r++) {
            for (Map.Entry<String, Call> scenario : scenarios.entrySet()) {
                results.get(scenario.getKey()).add(run(round, scenario.getValue()));
            }
        }
        return results;
    }

    /**
     * Prints the scenarios' medians as a Markdown table, with the run's shape, and returns them in
     * scenario order for the ratios.
     */
    public static List<Result> report(int threads, Duration round, int rounds, Map<String, List<Result>> results) {
        System.out.printf(Locale.ROOT, "%n%d callers, %d rounds of %ds per scenario, interleaved; medians of the rounds%n%n",
                threads, rounds, round.toSeconds());
        System.out.println("| scenario | calls/s | p50 µs | p99 µs |");
        System.out.println("| --- | ---: | ---: | ---: |");
        List<Result> medians = new ArrayList<>();
        results.forEach((name, runs) -> {
            Result median = new Result(median(runs, Result::throughput), median(runs, Result::p50Micros),
                    median(runs, Result::p99Micros));
            medians.add(median);
            System.out.printf(Locale.ROOT, "| %s | %.0f | %.0f | %.0f |%n", name, median.throughput(),
                    median.p50Micros(), median.p99Micros());
        });
        return medians;
    }

    /** Prints one ratio line: throughput and p99 of {@code generated} over {@code baseline}. */
    public static void ratio(String label, Result generated, Result baseline) {
        System.out.printf(Locale.ROOT, "%s throughput %.2f×, p99 %.2f× (generated / hand-written)%n", label,
                generated.throughput() / baseline.throughput(), generated.p99Micros() / baseline.p99Micros());
    }

    private static double median(List<Result> runs, ToDoubleFunction<Result> value) {
        List<Result> sorted = new ArrayList<>(runs);
        sorted.sort(Comparator.comparingDouble(value));
        return value.applyAsDouble(sorted.get(sorted.size() / 2));
    }

    @FunctionalInterface
    public interface Call {
        void run(long sequence) throws Exception;
    }

    /** Calls per second, and median and 99th percentile latency in microseconds. */
    public record Result(double throughput, double p50Micros, double p99Micros) {}
}
