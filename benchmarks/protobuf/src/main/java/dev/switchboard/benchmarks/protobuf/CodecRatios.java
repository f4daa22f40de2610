package dev.switchboard.benchmarks.protobuf;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Runs {@link CodecBenchmark} in rounds and reports, per case, the median over rounds of
 * generated ÷ protoc. Each round measures both sides back to back, so the slow drift of a shared
 * machine (±20 % between runs here) moves both scores of a round together instead of one of them.
 *
 * <pre>./mvnw -B -pl benchmarks/protobuf exec:exec                  # 5 rounds
 * ./mvnw -B -pl benchmarks/protobuf exec:exec -Drounds=3</pre>
 */
public final class CodecRatios {

    private CodecRatios() {}

    public static void main(String[] args) throws RunnerException {
        int rounds = Integer.getInteger("rounds", 5);
        Map<String, List<Double>> ratios = new TreeMap<>();
        Map<String, List<String>> scores = new TreeMap<>();
        for (int round = 1; round <= rounds; round++) {
            Map<String, Double> score = new TreeMap<>();
            for (RunResult result : run()) {
                String method = result.getParams().getBenchmark().replaceAll(".*\\.", "");
                score.put(method, result.getPrimaryResult().getScore());
            }
            for (String method : score.keySet()) {
                if (method.endsWith("Generated")) {
                    String pair = method.substring(0, method.length() - "Generated".length());
                    double generated = score.get(method);
                    double protoc = score.get(pair + "Protoc");
                    ratios.computeIfAbsent(pair, k -> new ArrayList<>()).add(generated / protoc);
                    scores.computeIfAbsent(pair, k -> new ArrayList<>())
                            .add(String.format("%.4g/%.4g", generated, protoc));
                }
            }
        }
        System.out.println();
        System.out.println("case           median generated÷protoc   per round (generated/protoc ops/µs)");
        ratios.forEach((pair, values) -> System.out.printf("%-14s %6.2f×                    %s%n",
                pair, median(values), String.join("  ", scores.get(pair))));
    }

    private static Collection<RunResult> run() throws RunnerException {
        return new Runner(new OptionsBuilder()
                .include(CodecBenchmark.class.getSimpleName())
                .forks(1)
                .warmupIterations(3)
                .measurementIterations(3)
                .build()).run();
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }
}
