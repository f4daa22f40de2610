package dev.switchboard.benchmarks.rest;

import dev.switchboard.benchmarks.CatalogItems;
import dev.switchboard.benchmarks.LoadGenerator;
import dev.switchboard.benchmarks.catalog.PutItemRequest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The REST server alone, driven by {@code wrk} (Debian's package) in its own process, so the load
 * generator's cost is not in the JVM that is measured: the generated routes ({@code /items}) against
 * the hand-written controller ({@code /hand/items}) of the same application, reads by path variable and
 * validated JSON writes, in interleaved rounds, medians reported.
 *
 * <pre>./mvnw -B -pl benchmarks/calls exec:java -Dbench.main=dev.switchboard.benchmarks.rest.WrkBenchmark \
 *     -Dbench.seconds=10 -Dbench.rounds=5 -Dbench.connections=16</pre>
 */
public final class WrkBenchmark {

    private static final Pattern REQUESTS = Pattern.compile("Requests/sec:\\s+([0-9.]+)");
    private static final Pattern PERCENTILE = Pattern.compile("^\\s+(50|99)(?:\\.000)?%\\s+([0-9.]+)(us|ms|s)\\s*$",
            Pattern.MULTILINE);

    private WrkBenchmark() {}

    public static void main(String[] args) throws Exception {
        int seconds = Integer.getInteger("bench.seconds", 10);
        int rounds = Integer.getInteger("bench.rounds", 5);
        int connections = Integer.getInteger("bench.connections", 16);
        int wrkThreads = Integer.getInteger("bench.wrkThreads", 1);
        try (ConfigurableApplicationContext server = BenchmarkApplication.start(args)) {
            String base = BenchmarkApplication.baseUrl(server);
            CatalogStore store = server.getBean(CatalogStore.class);
            for (int i = 0; i < CatalogItems.COUNT; i++) {
                store.putItem(new PutItemRequest(CatalogItems.item(i)));
            }
            Path put = Files.createTempFile("wrk-put", ".lua");
            Files.writeString(put, """
                    wrk.method = "PUT"
                    wrk.headers["Content-Type"] = "application/json"
                    wrk.body = '{"item":{"sku":"sku-7","name":"Item 7","price":7,"tags":["a","b"]}}'
                    """);
            Map<String, List<String>> scenarios = new LinkedHashMap<>();
            scenarios.put("GET by path → generated server", List.of(base + "/items/sku-7"));
            scenarios.put("GET by path → hand-written server", List.of(base + "/hand/items/sku-7"));
            scenarios.put("PUT validated JSON → generated server", List.of("-s", put.toString(), base + "/items"));
            scenarios.put("PUT validated JSON → hand-written server", List.of("-s", put.toString(), base + "/hand/items"));

            Map<String, List<LoadGenerator.Result>> results = new LinkedHashMap<>();
            for (Map.Entry<String, List<String>> scenario : scenarios.entrySet()) {
                wrk(wrkThreads, connections, seconds, scenario.getValue()); // warm-up
                results.put(scenario.getKey(), new ArrayList<>());
            }
            for (int r = 0; r < rounds; r++) {
                for (Map.Entry<String, List<String>> scenario : scenarios.entrySet()) {
                    results.get(scenario.getKey()).add(wrk(wrkThreads, connections, seconds, scenario.getValue()));
                }
            }
            System.out.printf("%nwrk -t%d -c%d, ", wrkThreads, connections);
            List<LoadGenerator.Result> medians = LoadGenerator.report(connections, Duration.ofSeconds(seconds), rounds, results);
            System.out.println();
            System.out.printf("REST server, GET: throughput %.2f×, p99 %.2f× (generated / hand-written, wrk)%n",
                    medians.get(0).throughput() / medians.get(1).throughput(), medians.get(0).p99Micros() / medians.get(1).p99Micros());
            System.out.printf("REST server, PUT: throughput %.2f×, p99 %.2f× (generated / hand-written, wrk)%n",
                    medians.get(2).throughput() / medians.get(3).throughput(), medians.get(2).p99Micros() / medians.get(3).p99Micros());
            Files.deleteIfExists(put);
        }
    }

    /**
     * wrk's arguments for the client benchmarks' mix against {@code base}: reads by path variable and
     * validated JSON writes, alternating, as {@code CatalogItems.readOrWrite} calls them.
     */
    public static List<String> readsAndWrites(String base) throws IOException {
        Path script = Files.createTempFile("wrk-mix", ".lua");
        script.toFile().deleteOnExit();
        Files.writeString(script, """
                local n = 0
                request = function()
                  n = n + 1
                  if n % 2 == 0 then
                    return wrk.format("GET", "/items/sku-" .. (n % 100))
                  end
                  local body = '{"item":{"sku":"sku-' .. (n % 100) .. '","name":"Item ' .. n .. '","price":' .. n .. ',"tags":["a","b"]}}'
                  return wrk.format("PUT", "/items", {["Content-Type"] = "application/json"}, body)
                end
                """);
        return List.of("-s", script.toString(), base);
    }

    /** One wrk run; its requests/s and latency percentiles. */
    public static LoadGenerator.Result wrk(int threads, int connections, int seconds, List<String> target)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("wrk", "-t" + threads, "-c" + connections, "-d" + seconds + "s", "--latency"));
        command.addAll(target);
        Process process;
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new IllegalStateException("wrk is not installed: apt-get install wrk", e);
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0 || output.contains("Non-2xx")) {
            throw new IllegalStateException("wrk failed or got errors:\n" + output);
        }
        return parse(output);
    }

    static LoadGenerator.Result parse(String output) {
        Matcher requests = REQUESTS.matcher(output);
        if (!requests.find()) {
            throw new IllegalStateException("no Requests/sec in wrk's output:\n" + output);
        }
        double p50 = 0;
        double p99 = 0;
        Matcher percentile = PERCENTILE.matcher(output);
        while (percentile.find()) {
            double micros = Double.parseDouble(percentile.group(2)) * switch (percentile.group(3)) {
                case "us" -> 1;
                case "ms" -> 1_000;
                default -> 1_000_000;
            };
            if (percentile.group(1).equals("50")) {
                p50 = micros;
            } else {
                p99 = micros;
            }
        }
        return new LoadGenerator.Result(Double.parseDouble(requests.group(1)), p50, p99);
    }
}
