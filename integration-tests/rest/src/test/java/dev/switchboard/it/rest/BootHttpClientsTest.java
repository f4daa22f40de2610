package dev.switchboard.it.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.it.rest.orders.CreateOrderRequest;
import dev.switchboard.it.rest.orders.GetOrderRequest;
import dev.switchboard.it.rest.orders.ListOrdersRequest;
import dev.switchboard.it.rest.orders.Order;
import dev.switchboard.it.rest.orders.OrderItem;
import dev.switchboard.it.rest.orders.OrderStatus;
import dev.switchboard.it.rest.orders.OrdersClient;
import dev.switchboard.it.rest.orders.WatchOrdersRequest;
import dev.switchboard.it.rest.server.RequestHeaders;
import dev.switchboard.it.rest.server.ScriptedOrders;
import dev.switchboard.it.support.TestCertificate;
import dev.switchboard.runtime.ErrorCode;
import dev.switchboard.runtime.SwitchboardException;
import dev.switchboard.runtime.stream.StreamSource;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.restclient.RestClientCustomizer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The generated REST client on Spring Boot's own HTTP clients: whichever client Boot uses (the
 * JDK's, Apache HttpClient 5, Jetty) carries every call shape and bounds each attempt; Boot's
 * {@code spring.http.clients.*} and per-downstream {@code spring.http.serviceclient.orders.*}
 * settings, SSL bundles and the application's {@code RestClientCustomizer}s reach the wire; and
 * Boot's own client observation records nothing beside Switchboard's.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BootHttpClientsTest {

    private static final String FACTORY = "spring.http.clients.imperative.factory";

    private TestCertificate certificate;
    private ConfigurableApplicationContext server;
    private ConfigurableApplicationContext tlsServer;
    private ScriptedOrders orders;

    @BeforeAll
    void start(@TempDir Path certificates) throws Exception {
        certificate = TestCertificate.selfSigned(certificates, "orders");
        server = Services.server();
        orders = server.getBean(ScriptedOrders.class);
        Map<String, String> tls = new HashMap<>(certificate.presentingBundle("served"));
        tls.put("server.ssl.bundle", "served");
        tlsServer = Services.server(tls);
    }

    @AfterAll
    void stop() {
        tlsServer.close();
        server.close();
    }

    @AfterEach
    void reset() {
        orders.reset();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"jdk, Java-http-client", "http_components, Apache-HttpClient", "jetty, Jetty"})
    void everyClientBootCanDetectCarriesEveryShapeAndBoundsEachAttempt(String factory, String userAgent) {
        try (ConfigurableApplicationContext caller = Services.client(server, Map.of(FACTORY, factory,
                "switchboard.services.orders.operations.get-order.retry.attempts", "1"))) {
            OrdersClient client = caller.getBean(OrdersClient.class);

            Order placed = client.createOrder(new CreateOrderRequest("c-1", List.of(new OrderItem("apple", 2)), null));
            assertThat(server.getBean(RequestHeaders.class).last().get("User-Agent")).contains(userAgent);
            assertThat(client.getOrder(new GetOrderRequest(placed.id())).status()).isEqualTo(OrderStatus.PENDING);
            List<String> watched = new ArrayList<>();
            try (StreamSource<Order> stream = client.watchOrders(new WatchOrdersRequest("c-1", 5))) {
                stream.forEach(order -> watched.add(order.id()));
            }
            assertThat(watched).containsExactly("w-1", "w-2", "w-3", "w-4", "w-5");

            // getOrder's attempts have 500 ms; the server would answer after 5 s.
            orders.answerAfter(Duration.ofSeconds(5));
            long started = System.nanoTime();
            assertThatThrownBy(() -> client.getOrder(new GetOrderRequest(placed.id())))
                    .isInstanceOf(SwitchboardException.class)
                    .extracting("code").isEqualTo(ErrorCode.DEADLINE_EXCEEDED);
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(4));

            MeterRegistry meters = caller.getBean(MeterRegistry.class);
            assertThat(meters.find("switchboard.call").tags("kind", "client", "operation", "getOrder").timers())
                    .isNotEmpty();
            assertThat(meters.find("http.client.requests").meters())
                    .as("Boot's own client observation, beside Switchboard's").isEmpty();
        }
    }

    @Test
    void theDownstreamsSpringHttpSettingsAndTheApplicationsCustomizersReachTheWire() {
        Map<String, String> properties = Map.of(
                "spring.http.serviceclient.orders.read-timeout", "300ms",
                "spring.http.serviceclient.orders.default-header.X-Team", "blue",
                "switchboard.services.orders.operations.list-orders.retry.attempts", "1");
        try (ConfigurableApplicationContext caller = Services.client("http://127.0.0.1:" + Services.port(server),
                properties, TenantHeader.class)) {
            OrdersClient client = caller.getBean(OrdersClient.class);

            client.listOrders(new ListOrdersRequest("c-1", OrderStatus.UNSPECIFIED, 10, null, List.of(), null));
            Map<String, String> sent = server.getBean(RequestHeaders.class).last();
            assertThat(sent).containsEntry("X-Team", "blue").containsEntry("X-Tenant", "acme");

            // listOrders has the contract's 2 s per attempt; Boot's read timeout of the downstream is shorter.
            orders.answerAfter(Duration.ofSeconds(5));
            long started = System.nanoTime();
            assertThatThrownBy(() -> client.listOrders(
                    new ListOrdersRequest("c-1", OrderStatus.UNSPECIFIED, 10, null, List.of(), null)))
                    .extracting("code").isEqualTo(ErrorCode.DEADLINE_EXCEEDED);
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(1500));
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"jdk", "http_components", "jetty"})
    void httpsThroughTheDownstreamsSslBundle(String factory) {
        String base = "https://localhost:" + Services.port(tlsServer);
        Map<String, String> trusting = new HashMap<>(certificate.trustingBundle("orders"));
        trusting.put(FACTORY, factory);
        trusting.put("spring.http.serviceclient.orders.ssl.bundle", "orders");
        try (ConfigurableApplicationContext caller = Services.client(base, trusting)) {
            Order placed = caller.getBean(OrdersClient.class)
                    .createOrder(new CreateOrderRequest("c-2", List.of(new OrderItem("pear", 1)), null));
            assertThat(placed.customerId()).isEqualTo("c-2");
        }

        try (ConfigurableApplicationContext stranger = Services.client(base, Map.of(FACTORY, factory))) {
            assertThatThrownBy(() -> stranger.getBean(OrdersClient.class).getOrder(new GetOrderRequest("o-1")))
                    .as("a certificate the JVM does not trust")
                    .isInstanceOf(SwitchboardException.class)
                    .extracting("code").isEqualTo(ErrorCode.UNAVAILABLE);
        }
    }

    @Test
    void jettysClientStopsWithTheApplication() throws InterruptedException {
        try (ConfigurableApplicationContext caller = Services.client(server, Map.of(FACTORY, "jetty"))) {
            caller.getBean(OrdersClient.class).createOrder(new CreateOrderRequest("c-3", List.of(new OrderItem("fig", 1)), null));
            assertThat(jettyClientThreads()).isPositive();
        }
        // Nobody else stops the Jetty client Boot builds; its threads would keep the JVM alive.
        for (int i = 0; i < 50 && jettyClientThreads() > 0; i++) {
            Thread.sleep(100);
        }
        assertThat(jettyClientThreads()).isZero();
    }

    private static long jettyClientThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> thread.isAlive() && thread.getName().startsWith("HttpClient@"))
                .count();
    }

    /** An application's own customizer of Boot's {@code RestClient.Builder}. */
    @Configuration(proxyBeanMethods = false)
    static class TenantHeader {

        @Bean
        RestClientCustomizer tenantHeader() {
            return builder -> builder.defaultHeader("X-Tenant", "acme");
        }
    }
}
