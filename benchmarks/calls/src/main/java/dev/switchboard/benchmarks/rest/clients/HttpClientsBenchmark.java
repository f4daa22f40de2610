package dev.switchboard.benchmarks.rest.clients;

import dev.switchboard.benchmarks.CatalogItems;
import dev.switchboard.benchmarks.LoadGenerator;
import dev.switchboard.benchmarks.catalog.CatalogClient;
import dev.switchboard.benchmarks.catalog.PutItemRequest;
import dev.switchboard.benchmarks.rest.BenchmarkApplication;
import dev.switchboard.benchmarks.rest.WrkBenchmark;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The generated REST client on each HTTP client Spring Boot can detect, against the same generated
 * server in one JVM, in interleaved rounds: the JDK's (as Boot builds it, and with a pooled
 * executor), Apache HttpClient 5 (with Boot's pool, and with the starter's), Jetty and Reactor Netty. The
 * fastest is the one the REST starter brings. Half reads by path variable, half validated JSON writes; the
 * server alone under wrk with the same mix is printed beside them.
 *
 * <pre>./mvnw -B -pl benchmarks/calls exec:java -Dbench.main=dev.switchboard.benchmarks.rest.clients.HttpClientsBenchmark \
 *     -Dbench.threads=8 -Dbench.seconds=8 -Dbench.rounds=3</pre>
 */
public final class HttpClientsBenchmark {

    private HttpClientsBenchmark() {}

    public static void main(String[] args) throws Exception {
        try (ConfigurableApplicationContext server = BenchmarkApplication.start(args)) {
            String base = BenchmarkApplication.baseUrl(server);
            Map<String, String[]> clients = new LinkedHashMap<>();
            clients.put("JDK HttpClient (Boot's default build)", new String[] {"spring.http.clients.imperative.factory=jdk"});
            clients.put("JDK HttpClient, pooled executor", new String[] {"spring.http.clients.imperative.factory=jdk",
                    "bench.jdk-executor=true"});
            clients.put("Apache HttpClient 5, Boot's pool (5 per route)", new String[] {
                    "spring.http.clients.imperative.factory=http_components",
                    "switchboard.services.catalog.client.max-connections=5"});
            clients.put("Apache HttpClient 5, the starter's pool (64)", new String[] {
                    "spring.http.clients.imperative.factory=http_components"});
            clients.put("Jetty HttpClient, 64 per destination", new String[] {"spring.http.clients.imperative.factory=jetty"});
            clients.put("Reactor Netty HttpClient", new String[] {"spring.http.clients.imperative.factory=reactor"});

            List<ConfigurableApplicationContext> callers = new ArrayList<>();
            try {
                Map<String, LoadGenerator.Call> scenarios = new LinkedHashMap<>();
                for (Map.Entry<String, String[]> client : clients.entrySet()) {
                    ConfigurableApplicationContext caller = new SpringApplicationBuilder(TunedClients.class)
                            .web(WebApplicationType.NONE)
                            .properties(BenchmarkApplication.QUIET).properties(client.getValue())
                            .properties("switchboard.services.catalog.client.base-url=" + base)
                            .run(args);
                    callers.add(caller);
                    CatalogClient generated = caller.getBean(CatalogClient.class);
                    scenarios.put(client.getKey(), sequence -> CatalogItems.readOrWrite(generated, sequence));
                }
                CatalogClient first = callers.get(0).getBean(CatalogClient.class);
                for (int i = 0; i < CatalogItems.COUNT; i++) {
                    first.putItem(new PutItemRequest(CatalogItems.item(i)));
                }
                List<LoadGenerator.Result> medians = LoadGenerator.fromSystemProperties().measure(scenarios);
                // The server alone with the same mix and as many connections as callers: what no client costs.
                LoadGenerator.Result wrk = WrkBenchmark.wrk(1, Integer.getInteger("bench.threads", 8),
                        Integer.getInteger("bench.seconds", 10), WrkBenchmark.readsAndWrites(base));
                System.out.printf(Locale.ROOT, "the server alone under wrk, same mix and connections: %.0f calls/s, p50 %.0f µs, p99 %.0f µs%n",
                        wrk.throughput(), wrk.p50Micros(), wrk.p99Micros());
                List<String> names = List.copyOf(clients.keySet());
                for (int i = 1; i < medians.size(); i++) {
                    System.out.printf(Locale.ROOT, "%s / JDK (Boot's default build): throughput %.2f×, p99 %.2f×%n",
                            names.get(i), medians.get(i).throughput() / medians.get(0).throughput(),
                            medians.get(i).p99Micros() / medians.get(0).p99Micros());
                }
            } finally {
                callers.forEach(ConfigurableApplicationContext::close);
            }
        }
    }
}
