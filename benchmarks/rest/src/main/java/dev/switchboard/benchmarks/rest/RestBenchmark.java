package dev.switchboard.benchmarks.rest;

import dev.switchboard.benchmarks.rest.catalog.CatalogClient;
import dev.switchboard.benchmarks.rest.catalog.GetItemRequest;
import dev.switchboard.benchmarks.rest.catalog.Item;
import dev.switchboard.benchmarks.rest.catalog.PutItemRequest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

/**
 * Generated REST server and client against a hand-written Spring MVC controller and RestClient
 * doing the same work, in one JVM with the same settings, driven by one load generator, in
 * interleaved rounds (so drift in the machine hits both sides alike). Half the calls read an item
 * by path variable, half write one as a validated JSON body.
 *
 * <pre>./mvnw -B -pl benchmarks/rest exec:java -Dbench.threads=8 -Dbench.seconds=10 -Dbench.rounds=3</pre>
 */
public final class RestBenchmark {

    private static final int ITEMS = 100;

    private RestBenchmark() {}

    public static void main(String[] args) throws Exception {
        int threads = Integer.getInteger("bench.threads", 8);
        Duration round = Duration.ofSeconds(Integer.getInteger("bench.seconds", 10));
        int rounds = Integer.getInteger("bench.rounds", 3);
        String[] quiet = {"spring.main.banner-mode=off", "logging.level.root=warn"};

        try (ConfigurableApplicationContext server = new SpringApplicationBuilder(BenchmarkApplication.class)
                .properties(quiet).properties("server.port=0")
                .run(args)) {
            String base = "http://127.0.0.1:" + server.getEnvironment().getProperty("local.server.port");
            try (ConfigurableApplicationContext caller = new SpringApplicationBuilder(CallerApplication.class)
                    .web(WebApplicationType.NONE)
                    .properties(quiet).properties("switchboard.services.catalog.client.base-url=" + base)
                    .run(args)) {
                CatalogClient generated = caller.getBean(CatalogClient.class);
                RestClient handWritten = RestClient.builder()
                        .baseUrl(base + "/hand")
                        .requestFactory(new JdkClientHttpRequestFactory(HttpClient.newBuilder()
                                .version(HttpClient.Version.HTTP_1_1).build()))
                        .build();
                HttpClient raw = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
                for (int i = 0; i < ITEMS; i++) {
                    generated.putItem(new PutItemRequest(item(i)));
                }

                Map<String, LoadGenerator.Call> scenarios = new LinkedHashMap<>();
                scenarios.put("generated client → generated server", sequence -> {
                    if (sequence % 2 == 0) {
                        generated.getItem(new GetItemRequest(sku(sequence)));
                    } else {
                        generated.putItem(new PutItemRequest(item(sequence)));
                    }
                });
                scenarios.put("hand-written client → hand-written server", sequence -> {
                    if (sequence % 2 == 0) {
                        handWritten.get().uri("/items/{sku}", sku(sequence)).retrieve().body(Item.class);
                    } else {
                        handWritten.put().uri("/items").body(new PutItemRequest(item(sequence))).retrieve().body(Item.class);
                    }
                });
                scenarios.put("plain HTTP load → generated server", sequence -> rawCall(raw, base, sequence));
                scenarios.put("plain HTTP load → hand-written server", sequence -> rawCall(raw, base + "/hand", sequence));

                LoadGenerator load = new LoadGenerator(threads);
                Map<String, List<LoadGenerator.Result>> results = new LinkedHashMap<>();
                for (Map.Entry<String, LoadGenerator.Call> scenario : scenarios.entrySet()) {
                    load.run(round, scenario.getValue());
                    results.put(scenario.getKey(), new ArrayList<>());
                }
                for (int r = 0; r < rounds; r++) {
                    for (Map.Entry<String, LoadGenerator.Call> scenario : scenarios.entrySet()) {
                        results.get(scenario.getKey()).add(load.run(round, scenario.getValue()));
                    }
                }
                report(threads, round, rounds, results);
            }
        }
    }

    private static void rawCall(HttpClient http, String base, long sequence) throws Exception {
        HttpRequest request = sequence % 2 == 0
                ? HttpRequest.newBuilder(URI.create(base + "/items/" + sku(sequence))).GET().build()
                : HttpRequest.newBuilder(URI.create(base + "/items"))
                        .header("Content-Type", "application/json")
                        .PUT(HttpRequest.BodyPublishers.ofString("{\"item\":{\"sku\":\"" + sku(sequence)
                                + "\",\"name\":\"Item " + sequence + "\",\"price\":" + sequence + ",\"tags\":[\"a\",\"b\"]}}"))
                        .build();
        HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(request.uri() + " answered " + response.statusCode());
        }
    }

    private static String sku(long sequence) {
        return "sku-" + (sequence % ITEMS);
    }

    private static Item item(long sequence) {
        return new Item(sku(sequence), "Item " + sequence, sequence, List.of("a", "b"));
    }

    private static void report(int threads, Duration round, int rounds, Map<String, List<LoadGenerator.Result>> results) {
        System.out.printf(Locale.ROOT, "%n%d callers, %d rounds of %ds per scenario, interleaved; medians of the rounds%n%n",
                threads, rounds, round.toSeconds());
        System.out.println("| scenario | calls/s | p50 µs | p99 µs |");
        System.out.println("| --- | ---: | ---: | ---: |");
        Map<String, LoadGenerator.Result> medians = new LinkedHashMap<>();
        results.forEach((name, runs) -> {
            LoadGenerator.Result median = new LoadGenerator.Result(
                    median(runs, LoadGenerator.Result::throughput),
                    median(runs, LoadGenerator.Result::p50Micros),
                    median(runs, LoadGenerator.Result::p99Micros));
            medians.put(name, median);
            System.out.printf(Locale.ROOT, "| %s | %.0f | %.0f | %.0f |%n", name, median.throughput(), median.p50Micros(),
                    median.p99Micros());
        });
        List<LoadGenerator.Result> m = new ArrayList<>(medians.values());
        System.out.printf(Locale.ROOT, "%nclient + server: throughput %.2f×, p99 %.2f× (generated / hand-written)%n",
                m.get(0).throughput() / m.get(1).throughput(), m.get(0).p99Micros() / m.get(1).p99Micros());
        System.out.printf(Locale.ROOT, "server only:     throughput %.2f×, p99 %.2f× (generated / hand-written)%n",
                m.get(2).throughput() / m.get(3).throughput(), m.get(2).p99Micros() / m.get(3).p99Micros());
    }

    private static double median(List<LoadGenerator.Result> runs, java.util.function.ToDoubleFunction<LoadGenerator.Result> value) {
        List<LoadGenerator.Result> sorted = new ArrayList<>(runs);
        sorted.sort(Comparator.comparingDouble(value));
        return value.applyAsDouble(sorted.get(sorted.size() / 2));
    }
}
