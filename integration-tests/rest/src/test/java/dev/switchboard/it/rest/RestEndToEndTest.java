package dev.switchboard.it.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.it.rest.orders.CreateOrderRequest;
import dev.switchboard.it.rest.orders.GetOrderRequest;
import dev.switchboard.it.rest.orders.ListOrdersRequest;
import dev.switchboard.it.rest.orders.Order;
import dev.switchboard.it.rest.orders.OrderItem;
import dev.switchboard.it.rest.orders.OrderLockedException;
import dev.switchboard.it.rest.orders.OrderNotFoundException;
import dev.switchboard.it.rest.orders.OrderPage;
import dev.switchboard.it.rest.orders.OrderStatus;
import dev.switchboard.it.rest.orders.OrdersClient;
import dev.switchboard.it.rest.orders.OutOfStockException;
import dev.switchboard.it.rest.orders.UpdateNoteRequest;
import dev.switchboard.it.rest.orders.WatchOrdersRequest;
import dev.switchboard.it.rest.server.ScriptedOrders;
import dev.switchboard.runtime.ErrorCode;
import dev.switchboard.runtime.SwitchboardException;
import dev.switchboard.runtime.stream.StreamSource;
import dev.switchboard.runtime.validation.ValidationException;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import java.lang.reflect.Method;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The generated REST client against the generated REST server, two Spring applications talking
 * over real HTTP on a random port, for every operation shape and every policy.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RestEndToEndTest {

    private ConfigurableApplicationContext server;
    private ConfigurableApplicationContext caller;
    private ScriptedOrders orders;
    private OrdersClient client;

    @BeforeAll
    void start() {
        server = Services.server();
        caller = Services.client(server, Map.of());
        orders = server.getBean(ScriptedOrders.class);
        client = caller.getBean(OrdersClient.class);
    }

    @AfterAll
    void stop() {
        caller.close();
        server.close();
    }

    @BeforeEach
    void reset() {
        orders.reset();
    }

    private Order place(String customer, String... skus) {
        List<OrderItem> items = new ArrayList<>();
        for (String sku : skus) {
            items.add(new OrderItem(sku, 2));
        }
        return client.createOrder(new CreateOrderRequest(customer, items, "leave at the door"));
    }

    @Test
    void everyHttpShapeRoundTrips() {
        Order placed = place("c-1", "apple", "pear");
        assertThat(placed.id()).startsWith("o-");
        assertThat(placed.items()).extracting(OrderItem::sku).containsExactly("apple", "pear");
        assertThat(placed.createdAt()).isEqualTo(Instant.parse("2026-11-24T10:15:30Z"));

        assertThat(client.getOrder(new GetOrderRequest(placed.id()))).isEqualTo(placed);

        place("c-1", "plum");
        place("c-2", "fig");
        OrderPage page = client.listOrders(ListOrdersRequest.builder()
                .customerId("c-1").status(OrderStatus.PENDING).pageSize(10).pageToken("t1")
                .placedAfter(Instant.parse("2026-01-01T00:00:00Z"))
                .build());
        assertThat(page.orders()).extracting(Order::customerId).containsOnly("c-1").hasSize(2);
        assertThat(page.nextPageToken()).isEqualTo("t1+");

        Order noted = client.updateNote(new UpdateNoteRequest(placed.id(), "ring twice"));
        assertThat(noted.note()).isEqualTo("ring twice");
        assertThat(client.getOrder(new GetOrderRequest(placed.id())).note()).isEqualTo("ring twice");

        assertThat(client.cancelOrder(new GetOrderRequest(placed.id())).status()).isEqualTo(OrderStatus.CANCELLED);
    }

    @Test
    void serverStreamArrivesInOrderAsServerSentEvents() {
        List<String> ids = new ArrayList<>();
        try (StreamSource<Order> stream = client.watchOrders(new WatchOrdersRequest("c-9", 25))) {
            stream.forEach(order -> ids.add(order.id()));
        }
        assertThat(ids).hasSize(25).startsWith("w-1", "w-2", "w-3").endsWith("w-25");
    }

    @Test
    void operationsWithoutAnHttpFormAreNotOnTheClientAtAll() {
        // Client and bidirectional streams have no HTTP binding: a REST-only build's client does not
        // offer them, so calling one is a compile error rather than UNIMPLEMENTED at run time.
        assertThat(Arrays.stream(OrdersClient.class.getMethods()).map(Method::getName))
                .contains("createOrder", "watchOrders")
                .doesNotContain("importOrders", "trackOrders");
    }

    @Test
    void contractErrorsArriveAsTheirOwnExceptionClasses() {
        assertThatThrownBy(() -> client.getOrder(new GetOrderRequest("missing-1")))
                .isInstanceOfSatisfying(OrderNotFoundException.class, failure -> {
                    assertThat(failure.code()).isEqualTo(ErrorCode.NOT_FOUND);
                    assertThat(failure.details()).containsEntry("id", "missing-1");
                })
                .hasMessage("order missing-1 not found");
        assertThatThrownBy(() -> place("c-1", "gone-kiwi"))
                .isInstanceOf(OutOfStockException.class)
                .hasMessage("not enough gone-kiwi in stock");

        Order placed = place("c-1", "apple");
        client.cancelOrder(new GetOrderRequest(placed.id()));
        assertThatThrownBy(() -> client.updateNote(new UpdateNoteRequest(placed.id(), "too late")))
                .isInstanceOf(OrderLockedException.class);
        assertThat(orders.calls("getOrder")).isEqualTo(1);
    }

    @Test
    void constraintViolationsAreCheckedOnTheServerAndComeBackAsValidationException() {
        assertThatThrownBy(() -> client.createOrder(new CreateOrderRequest("", List.of(new OrderItem("", 0)), null)))
                .isInstanceOfSatisfying(ValidationException.class, invalid -> assertThat(invalid.violations())
                        .extracting(violation -> violation.field())
                        .contains("customerId", "items[0].sku", "items[0].quantity"));
        assertThat(orders.calls("createOrder")).isZero();
    }

    @Test
    void unavailableIsRetriedWithBackoffThenSucceeds() {
        Order placed = place("c-1", "apple");
        orders.failNext(2, ErrorCode.UNAVAILABLE);

        assertThat(client.getOrder(new GetOrderRequest(placed.id()))).isEqualTo(placed);
        assertThat(orders.calls("getOrder")).isEqualTo(3);
    }

    @Test
    void nonIdempotentCallIsRetriedOnlyUnderAnIdempotencyKey() {
        orders.failNext(1, ErrorCode.UNAVAILABLE);
        assertThat(place("c-1", "apple").id()).startsWith("o-");
        assertThat(orders.calls("createOrder")).isEqualTo(2);

        orders.reset();
        try (ConfigurableApplicationContext keyless = Services.client(server,
                Map.of("switchboard.services.orders.client.idempotency-keys", "false"))) {
            OrdersClient withoutKeys = keyless.getBean(OrdersClient.class);
            orders.failNext(1, ErrorCode.UNAVAILABLE);
            assertThatThrownBy(() -> withoutKeys.createOrder(
                    new CreateOrderRequest("c-1", List.of(new OrderItem("apple", 1)), null)))
                    .extracting("code").isEqualTo(ErrorCode.UNAVAILABLE);
        }
        assertThat(orders.calls("createOrder")).isEqualTo(1);
    }

    @Test
    void slowServerMakesTheClientGiveUpAtItsTimeoutAndTheDeadlineTravels() {
        Order placed = place("c-1", "apple");
        client.getOrder(new GetOrderRequest(placed.id()));
        assertThat(orders.lastDeadline()).hasValueSatisfying(deadline ->
                assertThat(deadline.remaining()).isLessThanOrEqualTo(Duration.ofMillis(500)));

        orders.answerAfter(Duration.ofSeconds(5));
        long started = System.nanoTime();
        try (ConfigurableApplicationContext once = Services.client(server,
                Map.of("switchboard.services.orders.operations.get-order.retry.attempts", "1"))) {
            OrdersClient impatient = once.getBean(OrdersClient.class);
            assertThatThrownBy(() -> impatient.getOrder(new GetOrderRequest(placed.id())))
                    .extracting("code").isEqualTo(ErrorCode.DEADLINE_EXCEEDED);
        } finally {
            orders.answerAfter(Duration.ZERO);
        }
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void repeatedFailuresOpenTheCircuitWhichFailsFastThenRecovers() throws InterruptedException {
        Order placed = place("c-1", "apple");
        try (ConfigurableApplicationContext fresh = Services.client(server, Map.of())) {
            OrdersClient guarded = fresh.getBean(OrdersClient.class);
            orders.failNext(1000, ErrorCode.INTERNAL);
            for (int i = 0; i < 4; i++) {
                assertThatThrownBy(() -> guarded.getOrder(new GetOrderRequest(placed.id())))
                        .extracting("code").isEqualTo(ErrorCode.INTERNAL);
            }
            int served = orders.calls("getOrder");
            assertThatThrownBy(() -> guarded.getOrder(new GetOrderRequest(placed.id())))
                    .hasMessageContaining("circuit open").extracting("code").isEqualTo(ErrorCode.UNAVAILABLE);
            assertThat(orders.calls("getOrder")).isEqualTo(served);

            orders.failNext(0, ErrorCode.INTERNAL);
            Order recovered = null;
            long giveUp = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (recovered == null && System.nanoTime() < giveUp) {
                Thread.sleep(100);
                try {
                    recovered = guarded.getOrder(new GetOrderRequest(placed.id()));
                } catch (SwitchboardException stillOpen) {
                    assertThat(stillOpen).hasMessageContaining("circuit open");
                }
            }
            assertThat(recovered).isEqualTo(placed);
        }
    }

    @Test
    void retryBudgetCapsTheTrafficOfAFullOutage() {
        Order placed = place("c-1", "apple");
        try (ConfigurableApplicationContext budgeted = Services.client(server, Map.of(
                "switchboard.services.orders.circuit-breaker.minimum-calls", "1000",
                "switchboard.services.orders.circuit-breaker.window", "1000",
                "switchboard.services.orders.retry.backoff", "1ms",
                "switchboard.services.orders.retry.max-backoff", "2ms"))) {
            OrdersClient outage = budgeted.getBean(OrdersClient.class);
            orders.failNext(100_000, ErrorCode.UNAVAILABLE);
            for (int call = 0; call < 60; call++) {
                assertThatThrownBy(() -> outage.getOrder(new GetOrderRequest(placed.id())))
                        .extracting("code").isEqualTo(ErrorCode.UNAVAILABLE);
            }
        }
        // 60 calls with 3 attempts each would be 180; the 20% budget allows 60 + 10 + 60 × 0.2.
        assertThat(orders.calls("getOrder")).isBetween(61, 82);
    }

    @Test
    void oneTraceSpansTheClientAndTheServer() {
        Order placed = place("c-1", "apple");
        Tracer tracer = caller.getBean(Tracer.class);
        Span span = tracer.nextSpan().name("test").start();
        try (Tracer.SpanInScope scope = tracer.withSpan(span)) {
            client.getOrder(new GetOrderRequest(placed.id()));
        } finally {
            span.end();
        }
        assertThat(orders.lastTraceId()).isEqualTo(span.context().traceId());
    }

    @Test
    void clientCallsAreMeasuredWithTheSharedKeys() {
        place("c-1", "apple");
        MeterRegistry meters = caller.getBean(MeterRegistry.class);
        assertThat(meters.get("switchboard.call")
                .tags("service", "Orders", "operation", "createOrder", "transport", "rest", "kind", "client", "outcome", "OK")
                .timer().count()).isPositive();
    }
}
