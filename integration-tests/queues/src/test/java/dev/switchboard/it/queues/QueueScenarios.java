package dev.switchboard.it.queues;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.it.queues.consumer.ConsumerApplication;
import dev.switchboard.it.queues.consumer.RecordingHandlers;
import dev.switchboard.it.queues.consumer.StepLog;
import dev.switchboard.it.queues.orders.OrderAudit;
import dev.switchboard.it.queues.orders.OrderPlaced;
import dev.switchboard.it.queues.orders.OrderPlacedProtoCodec;
import dev.switchboard.it.queues.orders.OrderStep;
import dev.switchboard.it.queues.orders.OrdersCommands;
import dev.switchboard.it.queues.orders.OrdersEvents;
import dev.switchboard.it.queues.orders.ReserveStock;
import dev.switchboard.it.queues.publisher.PublisherApplication;
import dev.switchboard.runtime.messaging.DeadLetters;
import dev.switchboard.runtime.messaging.Message;
import dev.switchboard.runtime.messaging.MessageTransport;
import dev.switchboard.runtime.messaging.OrderShards;
import dev.switchboard.runtime.messaging.Subscription;
import dev.switchboard.runtime.policy.PolicyDefaults;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The guarantees every broker must give the generated publishers and handlers, run against one
 * broker per subclass: separate Spring applications for the publisher and each consumer, as
 * separate services would be.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class QueueScenarios {

    static final String EVENTS = "it.orders.placed";
    static final String COMMANDS = "it.inventory.reserve";
    static final String AUDITS = "it.orders.audited";

    /** Unique per run, so consumer groups never inherit another run's position. */
    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final List<ConfigurableApplicationContext> contexts = new ArrayList<>();
    private ConfigurableApplicationContext publisher;
    private ConfigurableApplicationContext inventory;
    private ConfigurableApplicationContext points;
    final Map<String, Message> deadLetters = new ConcurrentHashMap<>();
    private final List<AutoCloseable> readers = new ArrayList<>();
    private final List<String> groups = new ArrayList<>(List.of("dead-letter-reader-" + run));

    /** {@code switchboard.messaging.*} and broker properties of the broker under test. */
    abstract Map<String, String> broker();

    /** Prepares the broker for a clean run (deletes what earlier runs left); fails when it is unreachable. */
    void prepareBroker() throws Exception {}

    /** Removes what this run's consumer groups left on the broker. */
    void cleanBroker(List<String> groups) throws Exception {}

    @BeforeAll
    void start() throws Exception {
        prepareBroker();
        publisher = start(PublisherApplication.class, Map.of("spring.application.name", "orders"));
        inventory = consumer("inventory-" + run, "1");
        points = consumer("points-" + run, "1");
        MessageTransport transport = publisher.getBean(MessageTransport.class);
        for (String deadLetter : List.of(EVENTS + ".dlq", COMMANDS + ".dlq", AUDITS + ".dlq")) {
            readers.add(transport.subscribe(new Subscription(deadLetter, Subscription.Mode.PUBLISH_SUBSCRIBE,
                    "dead-letter-reader-" + run, (message, delivery) -> deadLetters.put(orderIdOf(message), message),
                    PolicyDefaults.RETRY, deadLetter + ".dlq", 1)));
        }
    }

    @AfterAll
    void stop() throws Exception {
        for (AutoCloseable reader : readers) {
            reader.close();
        }
        for (int i = contexts.size() - 1; i >= 0; i--) {
            contexts.get(i).close();
        }
        cleanBroker(groups);
    }

    private ConfigurableApplicationContext consumer(String name, String instance) {
        return consumer(name, instance, Map.of());
    }

    private ConfigurableApplicationContext consumer(String name, String instance, Map<String, String> extra) {
        if (!groups.contains(name)) {
            groups.add(name);
        }
        Map<String, String> properties = new HashMap<>(extra);
        properties.put("spring.application.name", name);
        properties.put("instance", instance);
        return start(ConsumerApplication.class, properties);
    }

    private ConfigurableApplicationContext start(Class<?> application, Map<String, String> extra) {
        Map<String, String> properties = new HashMap<>(broker());
        properties.putAll(extra);
        properties.put("spring.main.banner-mode", "off");
        ConfigurableApplicationContext context = new SpringApplicationBuilder(application)
                .web(WebApplicationType.NONE)
                .properties(properties.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toArray(String[]::new))
                .run();
        contexts.add(context);
        return context;
    }

    private static RecordingHandlers handlers(ConfigurableApplicationContext consumer) {
        return consumer.getBean(RecordingHandlers.class);
    }

    private OrdersEvents events() {
        return publisher.getBean(OrdersEvents.class);
    }

    static String newOrderId() {
        return "o-" + UUID.randomUUID();
    }

    void place(String orderId, String behaviour) throws Exception {
        events().orderPlaced(new OrderPlaced(orderId, "apple", 1, behaviour)).get(10, TimeUnit.SECONDS);
    }

    @Test
    void anEventReachesEverySubscribingServiceExactlyOnce() throws Exception {
        String orderId = newOrderId();
        place(orderId, null);

        Await.until("both services handled " + orderId,
                () -> handlers(inventory).handled(orderId) == 1 && handlers(points).handled(orderId) == 1);
        Await.settle();
        assertThat(handlers(inventory).handled(orderId)).isEqualTo(1);
        assertThat(handlers(points).handled(orderId)).isEqualTo(1);
    }

    @Test
    void aCommandIsHandledOnceByOneOfTwoInstances() throws Exception {
        try (ConfigurableApplicationContext first = consumer("reservations-" + run, "1");
                ConfigurableApplicationContext second = consumer("reservations-" + run, "2")) {
            List<String> orderIds = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                String orderId = newOrderId();
                orderIds.add(orderId);
                publisher.getBean(OrdersCommands.class).reserveStock(new ReserveStock(orderId, "apple", 1))
                        .get(10, TimeUnit.SECONDS);
            }
            Await.until("every command handled", () -> orderIds.stream().allMatch(id ->
                    total(id, first, second) >= 1));
            Await.settle();
            for (String orderId : orderIds) {
                assertThat(total(orderId, first, second)).as(orderId).isEqualTo(1);
            }
        }
    }

    /** Commands of the run: the long-lived inventory and points consumers handle them too, so all count. */
    private int total(String orderId, ConfigurableApplicationContext... more) {
        int sum = handlers(inventory).handled(orderId) + handlers(points).handled(orderId);
        for (ConfigurableApplicationContext context : more) {
            sum += handlers(context).handled(orderId);
        }
        return sum;
    }

    @Test
    void aRetryableFailureIsRetriedWithBackoffThenSucceeds() throws Exception {
        String orderId = newOrderId();
        place(orderId, "retry-twice");

        Await.until("handled after retries", () -> handlers(inventory).handled(orderId) == 1);
        assertThat(handlers(inventory).tries(orderId)).isEqualTo(3);
        assertThat(deadLetters).doesNotContainKey(orderId);
    }

    @Test
    void aNonRetryableFailureIsDeadLetteredAtOnceWithItsReason() throws Exception {
        String orderId = newOrderId();
        place(orderId, "reject");

        Await.until("dead-lettered", () -> deadLetters.containsKey(orderId));
        Message dead = deadLetters.get(orderId);
        assertThat(dead.headers()).containsEntry(DeadLetters.CODE, "FAILED_PRECONDITION")
                .containsEntry(DeadLetters.ORIGINAL_DESTINATION, EVENTS)
                .containsEntry(DeadLetters.ATTEMPTS, "1");
        assertThat(dead.headers().get(DeadLetters.REASON)).contains("no stock for apple");
        // Both services dead-letter their copy; the one that came first says nothing about the other's tries.
        Await.until("inventory tried", () -> handlers(inventory).tries(orderId) >= 1);
        Await.settle();
        assertThat(handlers(inventory).tries(orderId)).isEqualTo(1);
    }

    @Test
    void anExhaustedRetryIsDeadLetteredWithTheAttemptCount() throws Exception {
        String orderId = newOrderId();
        place(orderId, "always-fail");

        Await.until("dead-lettered", () -> deadLetters.containsKey(orderId));
        assertThat(deadLetters.get(orderId).headers()).containsEntry(DeadLetters.CODE, "UNAVAILABLE")
                .containsEntry(DeadLetters.ATTEMPTS, "3");
    }

    @Test
    void aMalformedPayloadIsDeadLetteredAndTheNextMessageStillFlows() throws Exception {
        String broken = newOrderId();
        MessageTransport transport = publisher.getBean(MessageTransport.class);
        transport.publish(EVENTS, new Message(broken, "dev.switchboard.it.queues.orders.orderPlaced", "Orders", broken,
                Instant.now(), "application/json", Map.of(), "{\"orderId\": 42, \"quantity\": \"many\"".getBytes(StandardCharsets.UTF_8)))
                .get(10, TimeUnit.SECONDS);
        String next = newOrderId();
        place(next, null);

        Await.until("the next message handled", () -> handlers(inventory).handled(next) == 1);
        Await.until("the malformed one dead-lettered", () -> deadLetters.containsKey(broken));
        assertThat(deadLetters.get(broken).headers()).containsEntry(DeadLetters.CODE, "INVALID_ARGUMENT");
    }

    @Test
    void batchedEventsReachTheHandlerTogetherAndAPoisonedOneIsDeadLetteredAlone() throws Exception {
        List<String> orderIds = new ArrayList<>();
        List<CompletableFuture<Void>> published = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            String orderId = newOrderId();
            orderIds.add(orderId);
            published.add(events().orderAudited(new OrderAudit(orderId, i == 17 ? "poison" : "checked")));
        }
        CompletableFuture.allOf(published.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
        String poisoned = orderIds.remove(17);

        for (ConfigurableApplicationContext service : List.of(inventory, points)) {
            Await.until("every audit entry but the poisoned one handled",
                    () -> orderIds.stream().allMatch(id -> handlers(service).handled(id) >= 1));
        }
        Await.until("the poisoned one dead-lettered", () -> deadLetters.containsKey(poisoned));
        Await.settle();
        for (ConfigurableApplicationContext service : List.of(inventory, points)) {
            assertThat(orderIds).allSatisfy(id -> assertThat(handlers(service).handled(id)).as(id).isOne());
            assertThat(handlers(service).handled(poisoned)).isZero();
            assertThat(handlers(service).auditBatchSizes()).allSatisfy(size -> assertThat(size).isBetween(1, 20))
                    .as("some entries came together").anySatisfy(size -> assertThat(size).isGreaterThan(1));
        }
        assertThat(deadLetters.get(poisoned).headers()).containsEntry(DeadLetters.CODE, "FAILED_PRECONDITION")
                .containsEntry(DeadLetters.ORIGINAL_DESTINATION, AUDITS);
    }

    @Test
    void aConsumerRestartInTheMiddleOfAStreamLosesNothing() throws Exception {
        String group = "restarting-" + run;
        ConfigurableApplicationContext first = consumer(group, "1");
        RecordingHandlers before = handlers(first);
        List<String> orderIds = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            String orderId = newOrderId();
            orderIds.add(orderId);
            place(orderId, null);
            if (i == 20) {
                first.close();
            }
        }
        try (ConfigurableApplicationContext second = consumer(group, "2")) {
            Await.until("every order handled by one of the two",
                    () -> orderIds.stream().allMatch(id -> before.handled(id) + handlers(second).handled(id) >= 1));
        }
    }

    @Test
    void theConsumerContinuesThePublishersTrace() throws Exception {
        String orderId = newOrderId();
        Tracer tracer = publisher.getBean(Tracer.class);
        Span span = tracer.nextSpan().name("place").start();
        try (Tracer.SpanInScope scope = tracer.withSpan(span)) {
            place(orderId, null);
        } finally {
            span.end();
        }
        Await.until("handled", () -> handlers(points).handled(orderId) == 1);
        assertThat(handlers(points).traceId(orderId)).isEqualTo(span.context().traceId());
    }

    @Test
    void publishingAndConsumingAreMeasuredWithTheSharedKeys() throws Exception {
        String orderId = newOrderId();
        place(orderId, null);
        Await.until("handled", () -> handlers(inventory).handled(orderId) == 1);
        String transport = publisher.getBean(MessageTransport.class).name();

        assertThat(publisher.getBean(MeterRegistry.class).get("switchboard.call")
                .tags("service", "Orders", "operation", "orderPlaced", "transport", transport, "kind", "producer",
                        "outcome", "OK")
                .timer().count()).isPositive();
        Await.until("the consume recorded", () -> inventory.getBean(MeterRegistry.class).find("switchboard.call")
                .tags("service", "Orders", "operation", "orderPlaced", "transport", transport, "kind", "consumer",
                        "outcome", "OK")
                .timer() != null);
    }

    /** Keys × steps of the ordered scenario: enough that both instances and all workers take part. */
    static final int ORDERED_KEYS = 6;
    static final int STEPS = 25;
    /** The step of the first key that fails once. */
    static final int FAILING_STEP = 5;

    @Test
    void orderedEventsOfEachKeyAreHandledInPublishOrderByTwoInstancesAndARetryHoldsBackOnlyItsKey()
            throws Exception {
        String group = "ordering-" + run;
        Map<String, String> concurrent = Map.of("switchboard.messaging.concurrency", "4");
        try (ConfigurableApplicationContext first = consumer(group, "1", concurrent);
                ConfigurableApplicationContext second = consumer(group, "2", concurrent)) {
            handledInOrderPerKey(group, step -> events().orderStepped(step));
        }
    }

    /** Commands: every consuming service shares the queue, the two started here and the long-lived ones. */
    @Test
    void orderedCommandsOfEachKeyAreHandledInPublishOrderByWhicheverInstanceTakesThem() throws Exception {
        Map<String, String> concurrent = Map.of("switchboard.messaging.concurrency", "4");
        try (ConfigurableApplicationContext first = consumer("stepping-" + run, "1", concurrent);
                ConfigurableApplicationContext second = consumer("stepping-" + run, "2", concurrent)) {
            handledInOrderPerKey(RecordingHandlers.COMMANDS,
                    step -> publisher.getBean(OrdersCommands.class).stepOrder(step));
        }
    }

    /**
     * Sends {@link #STEPS} numbered steps of {@link #ORDERED_KEYS} orders, one step of one order failing
     * once; checks in the {@link StepLog} named {@code log} that each order's steps were handled in
     * order, none lost or repeated, the failed one retried before the next, and other orders going on.
     */
    private void handledInOrderPerKey(String log, Function<OrderStep, CompletableFuture<Void>> send)
            throws Exception {
        String batch = newOrderId(); // the handler that fails waits for another order of this batch
        List<String> keys = new ArrayList<>();
        for (int k = 0; k < ORDERED_KEYS; k++) {
            keys.add(batch + "-" + k);
        }
        for (int n = 0; keys.stream().allMatch(key -> OrderShards.of(key, 4) == OrderShards.of(keys.get(0), 4)); n++) {
            keys.set(1, batch + "-1." + n); // a shard-serial broker (NATS) must have another shard going on
        }
        String failing = keys.get(0);
        for (int step = 1; step <= STEPS; step++) {
            List<CompletableFuture<Void>> sent = new ArrayList<>();
            for (String key : keys) {
                sent.add(send.apply(new OrderStep(key, step, key.equals(failing) && step == FAILING_STEP)));
            }
            CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).get(10, TimeUnit.SECONDS);
        }

        Await.until("every step of every key handled", () -> keys.stream().allMatch(key ->
                succeeded(log, key).size() >= STEPS));
        Await.settle();
        List<Integer> inOrder = IntStream.rangeClosed(1, STEPS).boxed().toList();
        for (String key : keys) {
            assertThat(succeeded(log, key)).as("the steps of %s, as handled", key).isEqualTo(inOrder);
        }
        List<StepLog.Step> failingKey = StepLog.steps(log, failing);
        assertThat(failingKey).extracting(StepLog.Step::sequence)
                .as("the failed step is retried before step %d", FAILING_STEP + 1)
                .containsSubsequence(FAILING_STEP - 1, FAILING_STEP, FAILING_STEP, FAILING_STEP + 1);
        StepLog.Step failed = failingKey.stream().filter(StepLog.Step::failed).findFirst().orElseThrow();
        assertThat(keys.subList(1, keys.size()).stream().flatMap(key -> StepLog.steps(log, key).stream())
                .filter(step -> step.sequence() > FAILING_STEP && step.tick() < failed.tick()))
                .as("other keys go past the step that holds its own key back").isNotEmpty();
    }

    private static List<Integer> succeeded(String group, String key) {
        return StepLog.steps(group, key).stream().filter(step -> !step.failed()).map(StepLog.Step::sequence).toList();
    }

    private static String orderIdOf(Message message) {
        if (message.contentType().startsWith("application/protobuf")) {
            try {
                return OrderPlacedProtoCodec.INSTANCE.parseFrom(message.payload()).orderId();
            } catch (com.google.protobuf.InvalidProtocolBufferException notAnOrder) {
                return message.id();
            }
        }
        String payload = new String(message.payload(), StandardCharsets.UTF_8);
        int at = payload.indexOf("\"orderId\":\"");
        if (at >= 0) {
            int start = at + "\"orderId\":\"".length();
            return payload.substring(start, payload.indexOf('"', start));
        }
        return message.id();
    }
}
