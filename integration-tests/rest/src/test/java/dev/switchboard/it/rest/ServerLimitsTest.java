package dev.switchboard.it.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.it.rest.orders.GetOrderRequest;
import dev.switchboard.it.rest.orders.Order;
import dev.switchboard.it.rest.orders.OrdersClient;
import dev.switchboard.it.rest.orders.OrdersClientFallback;
import dev.switchboard.it.rest.orders.OrderStatus;
import dev.switchboard.it.rest.server.ScriptedOrders;
import dev.switchboard.runtime.ErrorCode;
import dev.switchboard.runtime.RetryLaterException;
import dev.switchboard.runtime.SwitchboardException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Limits set only in configuration take effect (per operation), and a client fallback bean degrades gracefully. */
class ServerLimitsTest {

    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<String> get(ConfigurableApplicationContext server, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + Services.port(server) + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void rateLimitFromConfigurationAnswers429WithRetryAfter() throws Exception {
        try (ConfigurableApplicationContext server = Services.server(Map.of(
                "switchboard.services.orders.operations.get-order.rate-limit.permits", "2",
                "switchboard.services.orders.operations.get-order.rate-limit.per", "1m"))) {
            assertThat(get(server, "/orders/o-1").statusCode()).isEqualTo(404);
            assertThat(get(server, "/orders/o-1").statusCode()).isEqualTo(404);
            HttpResponse<String> limited = get(server, "/orders/o-1");

            assertThat(limited.statusCode()).isEqualTo(429);
            assertThat(limited.body()).contains("\"code\":\"RESOURCE_EXHAUSTED\"").contains("rate limit of 2");
            assertThat(limited.headers().firstValue("Retry-After")).hasValueSatisfying(seconds ->
                    assertThat(Long.parseLong(seconds)).isBetween(1L, 60L));
            assertThat(get(server, "/customers/c-1/orders?pageSize=10").statusCode()).isEqualTo(200);
            assertThat(server.getBean(ScriptedOrders.class).calls("getOrder")).isEqualTo(2);
        }
    }

    @Test
    void concurrencyLimitRejectsTheCallBeyondIt() throws Exception {
        try (ConfigurableApplicationContext server = Services.server(Map.of(
                "switchboard.services.orders.concurrency", "2"))) {
            ScriptedOrders orders = server.getBean(ScriptedOrders.class);
            orders.answerAfter(Duration.ofSeconds(2));
            ExecutorService callers = Executors.newFixedThreadPool(2);
            try {
                List<Future<HttpResponse<String>>> slow = new ArrayList<>();
                for (int i = 0; i < 2; i++) {
                    slow.add(callers.submit(() -> get(server, "/orders/o-1")));
                }
                long giveUp = System.nanoTime() + Duration.ofSeconds(5).toNanos();
                while (orders.calls("getOrder") < 2 && System.nanoTime() < giveUp) {
                    Thread.sleep(10);
                }
                HttpResponse<String> rejected = get(server, "/orders/o-2");

                assertThat(rejected.statusCode()).isEqualTo(429);
                assertThat(rejected.body()).contains("too many concurrent calls");
                assertThat(orders.calls("getOrder")).isEqualTo(2);
                for (Future<HttpResponse<String>> call : slow) {
                    assertThat(call.get().statusCode()).isEqualTo(404);
                }
            } finally {
                callers.shutdownNow();
            }
        }
    }

    @Test
    void clientFallbackAnswersWhenTheServiceIsDown() {
        ConfigurableApplicationContext server = Services.server();
        int port = Services.port(server);
        server.close();
        try (ConfigurableApplicationContext caller = new SpringApplicationBuilder(
                dev.switchboard.it.rest.client.OrdersClientApplication.class, CachedOrders.class)
                .web(WebApplicationType.NONE)
                .properties("spring.main.banner-mode=off",
                        "switchboard.services.orders.client.base-url=http://127.0.0.1:" + port,
                        "switchboard.services.orders.retry.backoff=1ms")
                .run()) {
            OrdersClient client = caller.getBean(OrdersClient.class);

            Order answer = client.getOrder(new GetOrderRequest("o-7"));

            assertThat(answer.id()).isEqualTo("o-7");
            assertThat(answer.note()).isEqualTo("cached after UNAVAILABLE");
            assertThatThrownBy(() -> client.cancelOrder(new GetOrderRequest("o-7")))
                    .isInstanceOfSatisfying(SwitchboardException.class,
                            failure -> assertThat(failure.code()).isEqualTo(ErrorCode.UNAVAILABLE))
                    .isNotInstanceOf(RetryLaterException.class);
        }
    }

    /** Degradation for one operation; the others keep the default, which rethrows. */
    @Configuration
    static class CachedOrders {
        @Bean
        OrdersClientFallback cachedOrders() {
            return new OrdersClientFallback() {
                @Override
                public Order getOrder(GetOrderRequest request, SwitchboardException failure) {
                    return Order.builder().id(request.id()).status(OrderStatus.PENDING)
                            .note("cached after " + failure.code()).build();
                }
            };
        }
    }
}
