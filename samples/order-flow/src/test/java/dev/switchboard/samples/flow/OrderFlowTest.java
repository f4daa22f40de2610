package dev.switchboard.samples.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.switchboard.runtime.messaging.DeadLetters;
import dev.switchboard.runtime.messaging.Message;
import dev.switchboard.runtime.messaging.MessageTransport;
import dev.switchboard.runtime.messaging.Subscription;
import dev.switchboard.runtime.policy.PolicyDefaults;
import dev.switchboard.samples.flow.FlowLog.Hop;
import io.grpc.CallOptions;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.ClientCalls;
import io.grpc.stub.MetadataUtils;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Meter;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The order flow end to end: the three sample services, built by this build, each on its own
 * class loader in this JVM, over real HTTP, real gRPC (Netty) and the embedded broker, the orders and
 * their events committed together in an embedded H2 database through the transactional outbox. The points
 * ledger of {@code mallory} is locked, so her event must end in the dead-letter destination. Every call
 * carries a token of the flow's own issuer: the customers' own, and the order service's for inventory.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OrderFlowTest {

    private static final String DEAD_LETTERS = "shop.orders.created.dlq";

    private final FlowLog log = new FlowLog();
    private final Map<String, Message> deadLetters = new ConcurrentHashMap<>();
    private Broker broker;
    private TokenIssuer issuer;
    private Shop shop;
    private Shopper shopper;
    private AutoCloseable deadLetterReader;

    @BeforeAll
    void openTheShop() throws Exception {
        broker = Broker.start("embedded");
        issuer = TokenIssuer.start();
        shop = Shop.open(Path.of("target/services"), broker, issuer, log, Map.of(
                Shop.INVENTORY, Map.of("inventory.flaky-products", "red-kettle"),
                Shop.POINTS, Map.of("points.locked-customers", "mallory")));
        shopper = new Shopper(shop.service(Shop.ORDERS).httpUrl(), shop.service(Shop.POINTS).httpUrl(), issuer);
        MessageTransport transport = shop.service(Shop.ORDERS).context().getBean(MessageTransport.class);
        deadLetterReader = transport.subscribe(new Subscription(DEAD_LETTERS, Subscription.Mode.PUBLISH_SUBSCRIBE,
                "dead-letter-reader", (message, delivery) -> deadLetters.put(message.subject(), message),
                PolicyDefaults.RETRY, DEAD_LETTERS + ".dlq", 1));
    }

    @AfterAll
    void closeTheShop() throws Exception {
        if (deadLetterReader != null) {
            deadLetterReader.close();
        }
        if (shop != null) {
            shop.close();
        }
        if (issuer != null) {
            issuer.close();
        }
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    @Order(1)
    void aPlacedOrderReservesStockOverGrpcAndBothConsumersGetItsEventOnce() throws Exception {
        Shopper.Placed order = shopper.placeOrder("alice", "blue-mug", 2);

        assertThat(order.status()).as("%s", order.body()).isEqualTo(200);
        assertThat(order.body()).containsEntry("customerId", "alice").containsEntry("quantity", 2)
                .containsEntry("totalCents", 2_500);
        assertThat(shopper.pointsOnceCredited("alice", 1, Duration.ofSeconds(20)))
                .containsEntry("points", 25).containsEntry("orders", 1);
        Object stockroom = shop.service(Shop.INVENTORY).context().getBean("stockroom");
        assertThat(await(() -> (Boolean) stockroom.getClass().getMethod("isConfirmed", String.class)
                .invoke(stockroom, order.orderId()))).as("inventory confirmed the reservation").isTrue();

        List<Hop> consumers = awaitHops(order.traceId(), "consumer", 2);
        assertThat(consumers).extracting(Hop::app).containsExactlyInAnyOrder(Shop.INVENTORY, Shop.POINTS);
        assertThat(consumers).extracting(Hop::outcome).containsOnly("OK");
        // Whatever else arrives later (nothing should), alice was credited once.
        assertThat(shopper.points("alice")).containsEntry("orders", 1);
    }

    @Test
    @Order(2)
    void oneTraceSpansTheOrderTheReservationTheEventAndBothConsumers() {
        Shopper.Placed order = shopper.placeOrder("erin", "blue-mug", 1);
        assertThat(order.accepted()).as("%s", order.body()).isTrue();

        // The consumers can finish before the REST server's span ends (it ends after the response is written).
        awaitHops(order.traceId(), "consumer", 2);
        awaitHops(order.traceId(), "server", 2);
        assertThat(log.trace(order.traceId()))
                .extracting(hop -> hop.app() + " " + hop.transport() + " " + hop.kind() + " " + hop.call() + " " + hop.outcome())
                .contains(
                        "orders rest server Orders.placeOrder OK",
                        "orders grpc client Inventory.reserveStock OK",
                        "inventory grpc server Inventory.reserveStock OK",
                        "orders embedded producer Orders.orderCreated OK",
                        "inventory embedded consumer Orders.orderCreated OK",
                        "points embedded consumer Orders.orderCreated OK");
        // Each served call is one span, the transport's own (Spring MVC's, Spring gRPC's) carrying Switchboard's
        // keys, not a second one of Switchboard's named after the operation.
        assertThat(log.trace(order.traceId()))
                .filteredOn(hop -> hop.kind().equals("server"))
                .extracting(hop -> hop.app() + " " + hop.call())
                .containsExactlyInAnyOrder("orders Orders.placeOrder", "inventory Inventory.reserveStock");
        assertThat(log.trace(order.traceId()))
                .filteredOn(hop -> hop.kind().equals("server"))
                .extracting(Hop::span)
                .doesNotContain("Orders/placeOrder", "Inventory/reserveStock");
    }

    @Test
    @Order(3)
    void aBusyWarehouseIsRetriedByTheGeneratedClientAndTheOrderGoesThrough() {
        Shopper.Placed order = shopper.placeOrder("bob", "red-kettle", 1);

        assertThat(order.accepted()).as("%s", order.body()).isTrue();
        awaitHops(order.traceId(), "server", 3);
        assertThat(log.trace(order.traceId()))
                .filteredOn(hop -> hop.app().equals(Shop.INVENTORY) && hop.kind().equals("server"))
                .extracting(Hop::outcome).containsExactly("UNAVAILABLE", "OK");
        assertThat(log.trace(order.traceId()))
                .filteredOn(hop -> hop.kind().equals("client")).hasSize(1);
    }

    @Test
    @Order(4)
    void anOrderForMoreThanIsInStockIsRefusedWithTheContractErrorAndTellsNoOne() {
        Shopper.Placed order = shopper.placeOrder("carol", "green-teapot", 5);

        assertThat(order.status()).isEqualTo(400);
        assertThat(order.body()).containsEntry("error", "OutOfStock").containsEntry("code", "FAILED_PRECONDITION")
                .containsEntry("detail", "only 3 of green-teapot left").containsEntry("traceId", order.traceId());
        assertThat(log.trace(order.traceId())).extracting(Hop::kind).doesNotContain("producer");
    }

    @Test
    @Order(5)
    void aCustomersOrdersCanBeWatchedOverGrpcStreaming() {
        Shopper.Placed second = shopper.placeOrder("alice", "blue-mug", 1);
        assertThat(second.accepted()).isTrue();

        assertThat(OrderWatch.firstOrders(shop.service(Shop.ORDERS).grpcAddress(), "alice", 2,
                issuer.signIn("alice", Shopper.CUSTOMER_SCOPES)))
                .hasSize(2).contains(second.orderId());
    }

    @Test
    @Order(6)
    void anEventThePointsLedgerKeepsFailingIsDeadLetteredAndTheOthersStillFlow() {
        Shopper.Placed locked = shopper.placeOrder("mallory", "blue-mug", 1);
        assertThat(locked.accepted()).isTrue();

        Message deadLetter = await(() -> deadLetters.get(locked.orderId()));
        assertThat(deadLetter).as("dead letter of %s", locked.orderId()).isNotNull();
        assertThat(deadLetter.headers()).containsEntry(DeadLetters.CODE, "UNAVAILABLE")
                .containsEntry(DeadLetters.ORIGINAL_GROUP, Shop.POINTS);
        assertThat(deadLetter.headers().get(DeadLetters.REASON)).contains("the ledger of mallory is locked");
        assertThat(new String(deadLetter.payload(), StandardCharsets.UTF_8)).contains(locked.orderId());

        Shopper.Placed next = shopper.placeOrder("dave", "blue-mug", 4);
        assertThat(shopper.pointsOnceCredited("dave", 1, Duration.ofSeconds(20))).containsEntry("points", 50);
        assertThat(awaitHops(locked.traceId(), "consumer", 2))
                .filteredOn(hop -> hop.app().equals(Shop.INVENTORY)).extracting(Hop::outcome).containsOnly("OK");
        assertThat(next.accepted()).isTrue();
    }

    @Test
    @Order(7)
    void aCallerWithoutATokenOrWithoutTheScopeIsTurnedAwayBeforeAnythingHappens() {
        Shopper.Placed anonymous = shopper.placeOrder("nobody", "blue-mug", 1, null);
        Shopper.Placed browsing = shopper.placeOrder("ivan", "blue-mug", 1, issuer.signIn("ivan", "orders:read"));

        assertThat(anonymous.status()).as("%s", anonymous.body()).isEqualTo(401);
        assertThat(anonymous.body()).containsEntry("code", "UNAUTHENTICATED");
        assertThat(browsing.status()).as("%s", browsing.body()).isEqualTo(403);
        assertThat(browsing.body()).containsEntry("code", "PERMISSION_DENIED");
        assertThat(browsing.body().toString()).contains("orders:write");
        for (Shopper.Placed refused : List.of(anonymous, browsing)) {
            assertThat(log.trace(refused.traceId())).extracting(Hop::kind).doesNotContain("client", "producer");
        }
        assertThat(count(Shop.ORDERS, "rest", "Orders.placeOrder", "UNAUTHENTICATED")).isEqualTo(1);
        assertThat(count(Shop.ORDERS, "rest", "Orders.placeOrder", "PERMISSION_DENIED")).isEqualTo(1);
        assertThat(shopper.points("ivan")).containsEntry("orders", 0);
    }

    @Test
    @Order(8)
    void aCustomersOwnTokenDoesNotOpenInventory() {
        // A bare gRPC call to Inventory/ReserveStock with alice's token: it is meant for orders and points.
        Metadata credentials = new Metadata();
        credentials.put(Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER),
                "Bearer " + issuer.signIn("alice", Shopper.CUSTOMER_SCOPES));
        ManagedChannel channel = ManagedChannelBuilder.forTarget(shop.service(Shop.INVENTORY).grpcAddress())
                .usePlaintext().intercept(MetadataUtils.newAttachHeadersInterceptor(credentials)).build();
        MethodDescriptor.Marshaller<byte[]> bytes = new MethodDescriptor.Marshaller<>() {
            @Override
            public InputStream stream(byte[] value) {
                return new ByteArrayInputStream(value);
            }

            @Override
            public byte[] parse(InputStream stream) {
                return new byte[0];
            }
        };
        MethodDescriptor<byte[], byte[]> reserveStock = MethodDescriptor.<byte[], byte[]>newBuilder()
                .setType(MethodDescriptor.MethodType.UNARY)
                .setFullMethodName("dev.switchboard.samples.inventory.Inventory/ReserveStock")
                .setRequestMarshaller(bytes).setResponseMarshaller(bytes).build();
        try {
            StatusRuntimeException refused = catchThrowableOfType(StatusRuntimeException.class,
                    () -> ClientCalls.blockingUnaryCall(channel, reserveStock,
                            CallOptions.DEFAULT.withDeadlineAfter(10, TimeUnit.SECONDS), new byte[0]));
            assertThat(refused).as("inventory accepted a customer's token").isNotNull();
            assertThat(refused.getStatus().getCode()).isEqualTo(Status.Code.UNAUTHENTICATED);
        } finally {
            channel.shutdownNow();
        }
    }

    @Test
    @Order(9)
    void ordersReservesStockWithItsOwnTokenObtainedOnceByClientCredentials() throws Exception {
        Shopper.Placed order = shopper.placeOrder("heidi", "blue-mug", 1);
        assertThat(order.accepted()).as("%s", order.body()).isTrue();

        Object stockroom = shop.service(Shop.INVENTORY).context().getBean("stockroom");
        assertThat(stockroom.getClass().getMethod("reservedBy", String.class).invoke(stockroom, order.orderId()))
                .as("the caller inventory saw").isEqualTo(TokenIssuer.ORDERS_CLIENT);
        assertThat(issuer.tokensGranted(TokenIssuer.ORDERS_CLIENT)).as("one token kept for every order").isEqualTo(1);
        assertThat(count(Shop.INVENTORY, "grpc", "Inventory.reserveStock", "UNAUTHENTICATED")
                + count(Shop.INVENTORY, "grpc", "Inventory.reserveStock", "PERMISSION_DENIED")).isZero();
    }

    @Test
    @Order(10)
    void everyServicesMetricsCarryTheSharedKeysForEveryTransport() {
        shopper.points("alice");

        assertThat(calls(Shop.ORDERS)).contains("rest server", "grpc client", "embedded producer");
        assertThat(calls(Shop.INVENTORY)).contains("grpc server", "embedded consumer");
        assertThat(calls(Shop.POINTS)).contains("rest server", "embedded consumer");
        for (String service : List.of(Shop.ORDERS, Shop.INVENTORY, Shop.POINTS)) {
            for (Meter meter : registry(service).find("switchboard.call").meters()) {
                assertThat(meter.getId().getTags()).extracting(tag -> tag.getKey())
                        .contains("service", "operation", "transport", "kind", "outcome");
            }
        }
    }

    @Test
    @Order(11)
    void withInventoryStoppedAnOrderFailsWithAClearErrorAfterTheRetriesAndTheCircuitOpens() {
        shop.stop(Shop.INVENTORY);

        Shopper.Placed first = shopper.placeOrder("frank", "blue-mug", 1);
        assertThat(first.status()).isEqualTo(503);
        assertThat(first.body()).containsEntry("error", "InventoryUnavailable").containsEntry("code", "UNAVAILABLE");
        assertThat((String) first.body().get("detail")).startsWith("stock cannot be reserved now: ").contains("Connection refused");

        // Each order tries three times; the failures fill the breaker's window (where the earlier
        // orders' successes still count) past its 50 % threshold within a few orders.
        Shopper.Placed refused = first;
        for (int i = 0; i < 4 && !String.valueOf(refused.body().get("detail")).contains("circuit open"); i++) {
            refused = shopper.placeOrder("frank", "blue-mug", 1);
            assertThat(refused.status()).isEqualTo(503);
        }
        assertThat(refused.body()).containsEntry("error", "InventoryUnavailable")
                .containsEntry("detail", "stock cannot be reserved now: circuit open for Inventory/reserveStock");
        assertThat(log.trace(refused.traceId())).extracting(Hop::kind).doesNotContain("producer");
        assertThat(shopper.points("frank")).containsEntry("orders", 0);
    }

    @Test
    @Order(12)
    void theStoryToldByTheRunnerSaysWhatHappened() {
        // The runner's summary, over the shop as it is now (inventory stopped): it must say so, not crash.
        ByteArrayOutputStream text = new ByteArrayOutputStream();
        assertThat(new OrderFlow(shop, issuer, log, broker.name(), new PrintStream(text, true, StandardCharsets.UTF_8))
                .summaryOf(shopper.placeOrder("grace", "blue-mug", 1))).contains("503", "InventoryUnavailable");
    }

    @Test
    @Order(13)
    void everySavedOrderHasItsEventInTheOutboxCommittedWithItAndSent() {
        JdbcTemplate orders = shop.service(Shop.ORDERS).context().getBean(JdbcTemplate.class);
        List<String> saved = orders.queryForList("SELECT id FROM shop_orders", String.class);

        assertThat(saved).isNotEmpty();
        assertThat(await(() -> orders.queryForObject("SELECT COUNT(*) FROM switchboard_outbox WHERE sent_at IS NULL",
                Integer.class) == 0)).as("the relay sent every row").isTrue();
        assertThat(orders.queryForList("SELECT subject FROM switchboard_outbox WHERE event_type LIKE '%orderCreated'",
                String.class)).containsExactlyInAnyOrderElementsOf(saved);
    }

    /** How many server calls of {@code call} ended with {@code outcome} in the service's own metrics. */
    private long count(String service, String transport, String call, String outcome) {
        return registry(service).find("switchboard.call").tag("transport", transport).tag("kind", "server")
                .tag("service", call.substring(0, call.indexOf('.')))
                .tag("operation", call.substring(call.indexOf('.') + 1))
                .tag("outcome", outcome).timers().stream().mapToLong(timer -> timer.count()).sum();
    }

    private Set<String> calls(String service) {
        return registry(service).find("switchboard.call").meters().stream()
                .map(meter -> meter.getId().getTag("transport") + " " + meter.getId().getTag("kind"))
                .collect(Collectors.toSet());
    }

    private MeterRegistry registry(String service) {
        return shop.service(service).context().getBean(MeterRegistry.class);
    }

    private List<Hop> awaitHops(String traceId, String kind, int count) {
        List<Hop> hops = await(() -> {
            List<Hop> found = log.trace(traceId).stream().filter(hop -> hop.kind().equals(kind)).toList();
            return found.size() >= count ? found : null;
        });
        assertThat(hops).as("%d %s hops in trace %s: %s", count, kind, traceId, log.trace(traceId)).isNotNull();
        return hops;
    }

    interface Probe<T> {
        T get() throws Exception;
    }

    /** The probe's first non-null (and non-false) answer within 20 s, else its last. */
    private static <T> T await(Probe<T> probe) {
        long until = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        try {
            T value = probe.get();
            while ((value == null || Boolean.FALSE.equals(value)) && System.nanoTime() < until) {
                Shopper.sleep(20);
                value = probe.get();
            }
            return value;
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
