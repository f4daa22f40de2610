package dev.switchboard.benchmarks.rest;

import dev.switchboard.benchmarks.CatalogItems;
import dev.switchboard.benchmarks.LoadGenerator;
import dev.switchboard.benchmarks.catalog.CatalogClient;
import dev.switchboard.benchmarks.catalog.Item;
import dev.switchboard.benchmarks.catalog.PutItemRequest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.web.client.RestClient;

/**
 * Generated REST server and client against a hand-written Spring MVC controller and RestClient
 * doing the same work, in one JVM with the same settings, driven by one load generator, in
 * interleaved rounds (so drift in the machine hits both sides alike). Half the calls read an item
 * by path variable, half write one as a validated JSON body.
 *
 * <pre>./mvnw -B -pl benchmarks/calls exec:java -Dbench.threads=8 -Dbench.seconds=10 -Dbench.rounds=3</pre>
 */
public final class RestBenchmark {

    private RestBenchmark() {}

    public static void main(String[] args) throws Exception {
        try (ConfigurableApplicationContext server = BenchmarkApplication.start(args)) {
            String base = BenchmarkApplication.baseUrl(server);
            try (ConfigurableApplicationContext caller = new SpringApplicationBuilder(CallerApplication.class)
                    .web(WebApplicationType.NONE)
                    .properties(BenchmarkApplication.QUIET).properties("switchboard.services.catalog.client.base-url=" + base)
                    .run(args)) {
                CatalogClient generated = caller.getBean(CatalogClient.class);
                // The same HTTP client as the generated one: Apache HttpClient 5 with a pool of 64.
                RestClient handWritten = RestClient.builder()
                        .baseUrl(base + "/hand")
                        .requestFactory(ClientHttpRequestFactoryBuilder.httpComponents()
                                .withConnectionManagerCustomizer(pool -> pool.setMaxConnPerRoute(64).setMaxConnTotal(64))
                                .build())
                        .build();
                HttpClient raw = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
                for (int i = 0; i < CatalogItems.COUNT; i++) {
                    generated.putItem(new PutItemRequest(CatalogItems.item(i)));
                }

                Map<String, LoadGenerator.Call> scenarios = new LinkedHashMap<>();
                scenarios.put("generated client → generated server", sequence -> CatalogItems.readOrWrite(generated, sequence));
                scenarios.put("hand-written client → hand-written server", sequence -> {
                    if (sequence % 2 == 0) {
                        handWritten.get().uri("/items/{sku}", CatalogItems.sku(sequence)).retrieve().body(Item.class);
                    } else {
                        handWritten.put().uri("/items").body(new PutItemRequest(CatalogItems.item(sequence))).retrieve().body(Item.class);
                    }
                });
                scenarios.put("plain HTTP load → generated server", sequence -> rawCall(raw, base, sequence));
                scenarios.put("plain HTTP load → hand-written server", sequence -> rawCall(raw, base + "/hand", sequence));

                List<LoadGenerator.Result> medians = LoadGenerator.fromSystemProperties().measure(scenarios);
                LoadGenerator.ratio("client + server:", medians.get(0), medians.get(1));
                LoadGenerator.ratio("server only:    ", medians.get(2), medians.get(3));
            }
        }
    }

    private static void rawCall(HttpClient http, String base, long sequence) throws Exception {
        HttpRequest request = sequence % 2 == 0
                ? HttpRequest.newBuilder(URI.create(base + "/items/" + CatalogItems.sku(sequence))).GET().build()
                : HttpRequest.newBuilder(URI.create(base + "/items"))
                        .header("Content-Type", "application/json")
                        .PUT(HttpRequest.BodyPublishers.ofString("{\"item\":{\"sku\":\"" + CatalogItems.sku(sequence)
                                + "\",\"name\":\"Item " + sequence + "\",\"price\":" + sequence + ",\"tags\":[\"a\",\"b\"]}}"))
                        .build();
        HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(request.uri() + " answered " + response.statusCode());
        }
    }
}
