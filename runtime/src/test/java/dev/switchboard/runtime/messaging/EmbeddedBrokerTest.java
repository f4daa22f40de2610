package dev.switchboard.runtime.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.runtime.ErrorCode;
import dev.switchboard.runtime.SwitchboardException;
import dev.switchboard.runtime.policy.RetrySettings;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class EmbeddedBrokerTest {

    private static final RetrySettings THREE_TRIES = new RetrySettings(3, Duration.ofMillis(20), Duration.ofMillis(100), 0.0, 0.2);

    private final EmbeddedBroker broker = new EmbeddedBroker();

    @AfterEach
    void close() {
        broker.close();
    }

    private static Message message(String text) {
        return new Message(UUID.randomUUID().toString(), "com.example.orders.orderCreated", "Orders", text,
                Instant.now(), "application/json", Map.of(), text.getBytes(StandardCharsets.UTF_8));
    }

    private static String text(Message message) {
        return new String(message.payload(), StandardCharsets.UTF_8);
    }

    private Subscription subscription(String destination, Subscription.Mode mode, String group, MessageHandler handler) {
        return new Subscription(destination, mode, group, handler, THREE_TRIES, destination + ".dlq", 1);
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        long giveUp = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("condition met within 10 s").isLessThan(giveUp);
            Thread.sleep(10);
        }
    }

    @Test
    void aBatchSubscriptionGetsWhatWaitsInBatchesAndAPoisonMessageIsDeadLetteredAlone() throws Exception {
        for (int i = 0; i < 25; i++) {
            broker.publish("orders.created", message(i == 17 ? "poison" : "o-" + i)).get();
        }
        Queue<List<String>> batches = new ConcurrentLinkedQueue<>();
        Queue<String> handled = new ConcurrentLinkedQueue<>();
        Queue<String> dead = new ConcurrentLinkedQueue<>();
        broker.subscribe(subscription("orders.created.dlq", Subscription.Mode.PUBLISH_SUBSCRIBE, "Ops",
                (m, d) -> dead.add(text(m))));
        broker.subscribe(new Subscription("orders.created", Subscription.Mode.PUBLISH_SUBSCRIBE, "Points",
                (BatchHandler) (messages, delivery) -> {
                    List<String> texts = messages.stream().map(EmbeddedBrokerTest::text).toList();
                    batches.add(texts);
                    if (texts.contains("poison")) {
                        throw new SwitchboardException(ErrorCode.INVALID_ARGUMENT, "INVALID_ARGUMENT", "no", Map.of());
                    }
                    handled.addAll(texts);
                }, THREE_TRIES, "orders.created.dlq", 1, false, new Subscription.Batch(10, Duration.ofMillis(200))));

        await(() -> handled.size() == 24 && dead.size() == 1);
        assertThat(handled).doesNotHaveDuplicates().doesNotContain("poison");
        assertThat(dead).containsExactly("poison");
        assertThat(batches.peek()).as("the first batch: the ten that waited").hasSize(10);
        assertThat(batches).allSatisfy(batch -> assertThat(batch).hasSizeLessThanOrEqualTo(10));
    }

    @Test
    void everySubscribingGroupGetsEachEventAndInstancesOfAGroupShareThem() throws Exception {
        Queue<String> inventory = new ConcurrentLinkedQueue<>();
        Queue<String> points = new ConcurrentLinkedQueue<>();
        broker.subscribe(subscription("orders.created", Subscription.Mode.PUBLISH_SUBSCRIBE, "Inventory", (m, d) -> inventory.add(text(m))));
        broker.subscribe(subscription("orders.created", Subscription.Mode.PUBLISH_SUBSCRIBE, "Inventory", (m, d) -> inventory.add(text(m))));
        broker.subscribe(subscription("orders.created", Subscription.Mode.PUBLISH_SUBSCRIBE, "Points", (m, d) -> points.add(text(m))));

        for (int i = 0; i < 20; i++) {
            broker.publish("orders.created", message("o-" + i)).get();
        }

        await(() -> inventory.size() == 20 && points.size() == 20);
        Thread.sleep(100);
        assertThat(inventory).hasSize(20).doesNotHaveDuplicates();
        assertThat(points).hasSize(20).doesNotHaveDuplicates();
    }

    @Test
    void aGroupThatSubscribesLaterStartsFromTheRetainedMessages() throws Exception {
        broker.publish("orders.created", message("early")).get();
        Queue<String> late = new ConcurrentLinkedQueue<>();
        broker.subscribe(subscription("orders.created", Subscription.Mode.PUBLISH_SUBSCRIBE, "Audit", (m, d) -> late.add(text(m))));
        await(() -> late.contains("early"));
    }

    @Test
    void aCommandIsHandledOnceByOneOfTheInstances() throws Exception {
        Queue<String> handled = new ConcurrentLinkedQueue<>();
        for (int instance = 0; instance < 2; instance++) {
            broker.subscribe(subscription("orders.cancel", Subscription.Mode.POINT_TO_POINT, "Orders", (m, d) -> handled.add(text(m))));
        }
        for (int i = 0; i < 30; i++) {
            broker.publish("orders.cancel", message("c-" + i));
        }
        await(() -> handled.size() == 30);
        Thread.sleep(100);
        assertThat(handled).hasSize(30).doesNotHaveDuplicates();
    }

    @Test
    void aRetryableFailureIsRetriedWithBackoffThenSucceeds() throws Exception {
        Queue<MessageHandler.Delivery> deliveries = new ConcurrentLinkedQueue<>();
        Queue<Long> times = new ConcurrentLinkedQueue<>();
        broker.subscribe(subscription("orders.created", Subscription.Mode.PUBLISH_SUBSCRIBE, "Points", (m, d) -> {
            deliveries.add(d);
            times.add(System.nanoTime());
            if (d.attempt() < 3) {
                throw new SwitchboardException(ErrorCode.UNAVAILABLE, "UNAVAILABLE", "ledger down", Map.of());
            }
        }));

        broker.publish("orders.created", message("o-1"));

        await(() -> deliveries.size() == 3);
        assertThat(deliveries).extracting(MessageHandler.Delivery::attempt).containsExactly(1, 2, 3);
        List<Long> at = List.copyOf(times);
        assertThat(at.get(1) - at.get(0)).as("a backoff, not a hot loop").isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos(15));
    }

    @Test
    void exhaustedAndNonRetryableFailuresAreDeadLetteredWithTheReason() throws Exception {
        Queue<Message> dead = new ConcurrentLinkedQueue<>();
        broker.subscribe(subscription("orders.created.dlq", Subscription.Mode.POINT_TO_POINT, "Ops", (m, d) -> dead.add(m)));
        AtomicInteger attempts = new AtomicInteger();
        broker.subscribe(subscription("orders.created", Subscription.Mode.PUBLISH_SUBSCRIBE, "Points", (m, d) -> {
            attempts.incrementAndGet();
            if (text(m).equals("always-down")) {
                throw new SwitchboardException(ErrorCode.UNAVAILABLE, "UNAVAILABLE", "ledger down", Map.of());
            }
            throw new IllegalArgumentException("cannot parse " + text(m));
        }));

        broker.publish("orders.created", message("always-down"));
        broker.publish("orders.created", message("garbage"));

        await(() -> dead.size() == 2);
        Message exhausted = dead.stream().filter(m -> text(m).equals("always-down")).findFirst().orElseThrow();
        assertThat(exhausted.headers())
                .containsEntry(DeadLetters.ATTEMPTS, "3")
                .containsEntry(DeadLetters.CODE, "UNAVAILABLE")
                .containsEntry(DeadLetters.ORIGINAL_DESTINATION, "orders.created")
                .containsEntry(DeadLetters.ORIGINAL_GROUP, "Points");
        assertThat(exhausted.headers().get(DeadLetters.REASON)).contains("ledger down");
        Message poison = dead.stream().filter(m -> text(m).equals("garbage")).findFirst().orElseThrow();
        assertThat(poison.headers()).containsEntry(DeadLetters.ATTEMPTS, "1").containsEntry(DeadLetters.CODE, "UNKNOWN");
        assertThat(poison.headers().get(DeadLetters.REASON)).contains("cannot parse garbage");
        assertThat(attempts).hasValue(4);
    }

    @Test
    void aPoisonMessageDoesNotBlockTheOnesBehindIt() throws Exception {
        Queue<String> handled = new ConcurrentLinkedQueue<>();
        broker.subscribe(new Subscription("orders.created", Subscription.Mode.PUBLISH_SUBSCRIBE, "Points", (m, d) -> {
            if (text(m).equals("poison")) {
                throw new SwitchboardException(ErrorCode.UNAVAILABLE, "UNAVAILABLE", "again", Map.of());
            }
            handled.add(text(m));
        }, new RetrySettings(5, Duration.ofSeconds(1), Duration.ofSeconds(5), 0.0, 0.2), "orders.created.dlq", 1));

        broker.publish("orders.created", message("poison"));
        for (int i = 0; i < 5; i++) {
            broker.publish("orders.created", message("ok-" + i));
        }

        await(() -> handled.size() == 5);
    }

    @Test
    void anOrderedGroupHandlesEachKeyInPublishOrderAcrossItsInstances() throws Exception {
        Map<String, List<Integer>> handled = new ConcurrentHashMap<>();
        AtomicInteger failures = new AtomicInteger();
        MessageHandler handler = (m, d) -> {
            String[] keyAndStep = text(m).split(":");
            int step = Integer.parseInt(keyAndStep[1]);
            if (keyAndStep[0].equals("a") && step == 3 && failures.getAndIncrement() == 0) {
                throw new SwitchboardException(ErrorCode.UNAVAILABLE, "UNAVAILABLE", "once", Map.of());
            }
            List<Integer> steps = handled.computeIfAbsent(keyAndStep[0], key -> new ArrayList<>());
            synchronized (steps) {
                steps.add(step);
            }
        };
        for (int instance = 0; instance < 2; instance++) {
            broker.subscribe(new Subscription("orders.stepped", Subscription.Mode.PUBLISH_SUBSCRIBE, "Points", handler,
                    THREE_TRIES, "orders.stepped.dlq", 3, true));
        }
        for (int step = 1; step <= 20; step++) {
            for (String key : List.of("a", "b", "c")) {
                broker.publish("orders.stepped", new Message(UUID.randomUUID().toString(), "com.example.stepped",
                        "Orders", key, Instant.now(), "text/plain", Map.of(),
                        (key + ":" + step).getBytes(StandardCharsets.UTF_8)));
            }
        }

        await(() -> handled.values().stream().mapToInt(List::size).sum() == 60);
        List<Integer> inOrder = IntStream.rangeClosed(1, 20).boxed().toList();
        assertThat(handled).containsOnlyKeys("a", "b", "c").allSatisfy((key, steps) -> assertThat(steps)
                .as(key).isEqualTo(inOrder));
        assertThat(failures).as("step 3 of a, tried twice").hasValue(2);
    }

    @Test
    void closingFinishesTheHandlerInFlight() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        AtomicInteger finished = new AtomicInteger();
        AutoCloseable consumer = broker.subscribe(subscription("orders.cancel", Subscription.Mode.POINT_TO_POINT, "Orders", (m, d) -> {
            started.countDown();
            Thread.sleep(300);
            finished.incrementAndGet();
        }));
        broker.publish("orders.cancel", message("c-1"));
        assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();

        consumer.close();

        assertThat(finished).hasValue(1);
    }
}
