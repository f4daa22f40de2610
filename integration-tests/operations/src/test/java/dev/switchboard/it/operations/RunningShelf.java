package dev.switchboard.it.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.it.operations.shelf.GetItemRequest;
import dev.switchboard.it.operations.shelf.Item;
import dev.switchboard.it.operations.shelf.ShelfClient;
import dev.switchboard.it.operations.shelf.ShelfEvents;
import dev.switchboard.runtime.SwitchboardException;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The shelf service running on a free port, used the way that makes every meter appear: calls, a retry, an open
 * circuit, published events through the outbox, a redelivery and a dead letter.
 */
final class RunningShelf implements AutoCloseable {

    final ConfigurableApplicationContext context;
    /** Where the application answers, context path included. */
    final String base;
    /** Where the actuator answers: {@link #base}, or a port of its own. */
    final String management;

    private RunningShelf(ConfigurableApplicationContext context, String base, String management) {
        this.context = context;
        this.base = base;
        this.management = management;
    }

    static RunningShelf start(String... extraProperties) throws IOException {
        int port = freePort();
        String base = "http://127.0.0.1:" + port;
        return start(port, base, base, extraProperties);
    }

    /** Under the context path {@code /shop}, with the actuator on a port of its own. */
    static RunningShelf startApart() throws IOException {
        int port = freePort();
        int managementPort = freePort();
        String base = "http://127.0.0.1:" + port + "/shop";
        return start(port, base, "http://127.0.0.1:" + managementPort, "server.servlet.context-path=/shop",
                "management.server.port=" + managementPort);
    }

    private static RunningShelf start(int port, String base, String management, String... extraProperties) {
        List<String> properties = new ArrayList<>(List.of(
                "server.port=" + port,
                "spring.grpc.server.port=0",
                "spring.main.banner-mode=off",
                "spring.application.name=shelf",
                "switchboard.services.shelf.client.base-url=" + base,
                "switchboard.messaging.outbox=jdbc",
                "switchboard.services.shelf.operations.get-item.timeout=750ms",
                "spring.datasource.url=jdbc:h2:mem:shelf-" + port + ";DB_CLOSE_DELAY=-1"));
        // As command-line arguments, so they override the starter's defaults as an application's own settings do.
        String[] arguments = java.util.Arrays.stream(extraProperties).map(property -> "--" + property).toArray(String[]::new);
        return new RunningShelf(new SpringApplicationBuilder(ShelfApplication.class)
                .properties(properties.toArray(String[]::new)).run(arguments), base, management);
    }

    /** Every kind of traffic, then waits until the meters it makes are scraped. */
    RunningShelf useEverything() throws Exception {
        useCalls();
        ShelfEvents events = context.getBean(ShelfEvents.class);
        events.itemChanged(new Item("e-1", "fine")).get(10, TimeUnit.SECONDS);
        events.itemChanged(new Item("e-2", "wobbly")).get(10, TimeUnit.SECONDS);
        events.itemChanged(new Item("e-3", "poison")).get(10, TimeUnit.SECONDS);
        awaitExposed(List.of("switchboard_call_dead_letter_total", "switchboard_call_retry_total",
                "switchboard_call_circuit_open_total", "switchboard_outbox_depth"));
        return this;
    }

    /**
     * Calls only: an answer, a retry, an open circuit. Events are left to one shelf per JVM, since every shelf
     * here consumes from the same embedded broker as one group.
     */
    RunningShelf useCalls() {
        ShelfClient client = context.getBean(ShelfClient.class);
        assertThat(client.getItem(new GetItemRequest("i-1")).name()).isEqualTo("item i-1");
        assertThat(client.getItem(new GetItemRequest("flaky-1")).name()).as("answered on the retry").isEqualTo("item flaky-1");
        for (int i = 0; i < 4; i++) {
            assertThatThrownBy(() -> client.getFragileItem(new GetItemRequest("f-1"))).isInstanceOf(SwitchboardException.class);
        }
        assertThatThrownBy(() -> client.getFragileItem(new GetItemRequest("f-1"))).hasMessageContaining("circuit open");
        return this;
    }

    /** The names of the metrics {@code /actuator/prometheus} shows, once it shows all of {@code names}. */
    Set<String> awaitExposed(List<String> names) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (true) {
            Set<String> metrics = get("/actuator/prometheus").body().lines()
                    .filter(line -> !line.startsWith("#") && !line.isBlank())
                    .map(line -> line.split("[{ ]", 2)[0])
                    .collect(Collectors.toCollection(TreeSet::new));
            if (metrics.containsAll(names) || Instant.now().isAfter(deadline)) {
                assertThat(metrics).containsAll(names);
                return metrics;
            }
            Thread.sleep(200);
        }
    }

    /** A GET of {@code path} on the application, or on the actuator's server for {@code /actuator/...}. */
    HttpResponse<String> get(String path, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create((path.startsWith("/actuator") ? management : base) + path));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Override
    public void close() {
        context.close();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
