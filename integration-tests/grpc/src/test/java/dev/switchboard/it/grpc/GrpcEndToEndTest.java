package dev.switchboard.it.grpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.it.grpc.orders.CreateOrderRequest;
import dev.switchboard.it.grpc.orders.GetOrderRequest;
import dev.switchboard.it.grpc.orders.ImportSummary;
import dev.switchboard.it.grpc.orders.ListOrdersRequest;
import dev.switchboard.it.grpc.orders.Order;
import dev.switchboard.it.grpc.orders.OrderItem;
import dev.switchboard.it.grpc.orders.OrderLockedException;
import dev.switchboard.it.grpc.orders.OrderNotFoundException;
import dev.switchboard.it.grpc.orders.OrderStatus;
import dev.switchboard.it.grpc.orders.OrdersClient;
import dev.switchboard.it.grpc.orders.OutOfStockException;
import dev.switchboard.it.grpc.orders.UpdateNoteRequest;
import dev.switchboard.it.grpc.orders.WatchOrdersRequest;
import dev.switchboard.it.grpc.server.ScriptedOrders;
import dev.switchboard.runtime.ErrorCode;
import dev.switchboard.runtime.SwitchboardException;
import dev.switchboard.runtime.stream.BidiCall;
import dev.switchboard.runtime.stream.StreamSource;
import dev.switchboard.runtime.validation.ValidationException;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The generated gRPC client against the generated gRPC service: two Spring applications talking
 * over Netty on a random port, all four call shapes and every policy.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GrpcEndToEndTest {

    private Services.Server server;
    private ConfigurableApplicationContext caller;
    private ScriptedOrders orders;
    private OrdersClient client;

    @BeforeAll
    void start() {
        server = Services.server(Map.of());
        caller = Services.client(server, Map.of());
        orders = server.context().getBean(ScriptedOrders.class);
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
    void theClientIsTheGeneratedGrpcClient() {
        assertThat(client.getClass().getSimpleName()).isEqualTo("OrdersGrpcClient");
    }

    @Test
    void unaryCallsRoundTrip() {
        Order placed = place("c-1", "apple", "pear");
        assertThat(placed.items()).extracting(OrderItem::sku).containsExactly("apple", "pear");
        assertThat(placed.createdAt()).isNotNull();
        assertThat(client.getOrder(new GetOrderRequest(placed.id()))).isEqualTo(placed);
        assertThat(client.listOrders(ListOrdersRequest.builder().customerId("c-1").pageSize(10).build()).orders())
                .containsExactly(placed);
        assertThat(client.updateNote(new UpdateNoteRequest(placed.id(), "ring twice")).note()).isEqualTo("ring twice");
        assertThat(client.cancelOrder(new GetOrderRequest(placed.id())).status()).isEqualTo(OrderStatus.CANCELLED);
    }

    @Test
    void serverStreamingArrivesInOrder() {
        List<String> ids = new ArrayList<>();
        try (StreamSource<Order> watched = client.watchOrders(new WatchOrdersRequest("c-1", 5))) {
            watched.forEach(order -> ids.add(order.id()));
        }
        assertThat(ids).containsExactly("w-1", "w-2", "w-3", "w-4", "w-5");
    }

    @Test
    void clientStreamingSendsEveryRequestThenGetsOneAnswer() {
        List<CreateOrderRequest> batch = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            batch.add(new CreateOrderRequest("c-" + i, List.of(new OrderItem("sku-" + i, 1)), null));
        }
        ImportSummary summary = client.importOrders(batch);
        assertThat(summary.imported()).isEqualTo(50);
        assertThat(orders.calls("createOrder")).isEqualTo(50);
    }

    @Test
    void bidirectionalStreamingAnswersAsRequestsArrive() {
        Order first = place("c-1", "apple");
        Order second = place("c-2", "pear");
        try (BidiCall<GetOrderRequest, Order> tracking = client.trackOrders()) {
            Iterator<Order> updates = tracking.responses().iterator();
            tracking.send(new GetOrderRequest(first.id()));
            assertThat(updates.next()).isEqualTo(first);
            tracking.send(new GetOrderRequest(second.id()));
            assertThat(updates.next()).isEqualTo(second);
            tracking.complete();
            assertThat(updates.hasNext()).isFalse();
        }
    }

    @Test
    void anErrorInsideABidirectionalStreamEndsItWithTheContractException() {
        try (BidiCall<GetOrderRequest, Order> tracking = client.trackOrders()) {
            tracking.send(new GetOrderRequest("missing-9"));
            Iterator<Order> updates = tracking.responses().iterator();
            assertThatThrownBy(updates::hasNext).isInstanceOf(OrderNotFoundException.class);
        }
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
    void constraintViolationsComeBackAsValidationExceptionListingEveryField() {
        assertThatThrownBy(() -> client.createOrder(new CreateOrderRequest("", List.of(new OrderItem("", 0)), null)))
                .isInstanceOfSatisfying(ValidationException.class, invalid -> assertThat(invalid.violations())
                        .extracting(violation -> violation.field())
                        .contains("customerId", "items[0].sku", "items[0].quantity"));
        assertThat(orders.calls("createOrder")).isZero();
    }

    /** A client of its own: two failures out of four calls would open the shared client's circuit. */
    @Test
    void unavailableIsRetriedThenSucceeds() {
        Order placed = place("c-1", "apple");
        try (ConfigurableApplicationContext fresh = Services.client(server, Map.of())) {
            orders.failNext(2, ErrorCode.UNAVAILABLE);
            assertThat(fresh.getBean(OrdersClient.class).getOrder(new GetOrderRequest(placed.id()))).isEqualTo(placed);
        }
        assertThat(orders.calls("getOrder")).isEqualTo(3);
    }

    @Test
    void aNonIdempotentOperationIsNotRetried() {
        orders.failNext(1, ErrorCode.UNAVAILABLE);
        assertThatThrownBy(() -> place("c-1", "apple")).extracting("code").isEqualTo(ErrorCode.UNAVAILABLE);
        assertThat(orders.calls("createOrder")).isEqualTo(1);
    }

    @Test
    void aSlowHandlerRunsIntoTheDeadlineWhichTheHandlerSaw() {
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
    void closingAStreamCancelsTheCallAndTheServerHandlerSeesIt() throws InterruptedException {
        try (StreamSource<Order> endless = client.watchOrders(new WatchOrdersRequest("c-1", 0))) {
            Iterator<Order> orders = endless.iterator();
            assertThat(orders.next().id()).isEqualTo("w-1");
            assertThat(orders.next().id()).isEqualTo("w-2");
        }
        assertThat(orders.awaitStreamCancelled(Duration.ofSeconds(10))).isTrue();
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
    void callsAreMeasuredOnBothSidesWithTransportGrpc() {
        place("c-1", "apple");
        assertThat(caller.getBean(MeterRegistry.class).get("switchboard.call")
                .tags("service", "Orders", "operation", "createOrder", "transport", "grpc", "kind", "client", "outcome", "OK")
                .timer().count()).isPositive();
        assertThat(server.context().getBean(MeterRegistry.class).get("switchboard.call")
                .tags("service", "Orders", "operation", "createOrder", "transport", "grpc", "kind", "server", "outcome", "OK")
                .timer().count()).isPositive();
    }
}
