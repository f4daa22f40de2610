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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * A broker consumer's deliveries, submitted in order, run one per key at a time on several workers,
 * a failed one retried in place before its key's next, each acknowledged once after its handler.
 */
class OrderedDeliveryTest {

    private static final RetrySettings RETRY = new RetrySettings(3, Duration.ofMillis(20), Duration.ofMillis(50),
            0.0, 0.2);
    private static final int KEYS = 4;
    private static final int STEPS = 30;

    private final Map<String, List<Integer>> handled = new ConcurrentHashMap<>();
    private final Queue<String> acknowledged = new ConcurrentLinkedQueue<>();

    @Test
    void eachKeyRunsInSubmitOrderAndAFailureIsRetriedBeforeItsKeysNextMessage() throws Exception {
        Map<String, Boolean> failedOnce = new ConcurrentHashMap<>();
        MessageHandler handler = (message, delivery) -> {
            int step = Integer.parseInt(new String(message.payload(), StandardCharsets.UTF_8));
            if (message.subject().equals("k0") && step == 5 && failedOnce.putIfAbsent(message.id(), true) == null) {
                throw new SwitchboardException(ErrorCode.UNAVAILABLE, "UNAVAILABLE", "once", Map.of());
            }
            handled.computeIfAbsent(message.subject(), key -> new ArrayList<>());
            List<Integer> steps = handled.get(message.subject());
            synchronized (steps) {
                steps.add(step);
            }
        };
        Subscription subscription = new Subscription("orders", Subscription.Mode.PUBLISH_SUBSCRIBE, "points", handler,
                RETRY, "orders.dlq", 3, true);

        try (OrderedDelivery<Message> delivery = new OrderedDelivery<>("test", subscription, new Hooks(), 8).start()) {
            for (int step = 1; step <= STEPS; step++) {
                for (int key = 0; key < KEYS; key++) {
                    delivery.submit(message("k" + key, step));
                }
            }
            long giveUp = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (acknowledged.size() < KEYS * STEPS && System.nanoTime() < giveUp) {
                Thread.sleep(10);
            }
        }

        List<Integer> inOrder = IntStream.rangeClosed(1, STEPS).boxed().toList();
        for (int key = 0; key < KEYS; key++) {
            assertThat(handled.get("k" + key)).as("k" + key).isEqualTo(inOrder);
        }
        assertThat(acknowledged).hasSize(KEYS * STEPS).doesNotHaveDuplicates();
    }

    private static Message message(String key, int step) {
        return new Message(key + "-" + step, "com.example.orders.stepped", "Orders", key, Instant.now(),
                "text/plain", Map.of(), Integer.toString(step).getBytes(StandardCharsets.UTF_8));
    }

    /** The deliveries are the messages themselves; acknowledging records the id. */
    private final class Hooks implements DeliveryHooks<Message> {
        @Override
        public Message read(Message received) {
            return received;
        }

        @Override
        public Message salvage(Message received) {
            return received;
        }

        @Override
        public int attempt(Message received) {
            return 1;
        }

        @Override
        public void acknowledge(Message received) {
            acknowledged.add(received.id());
        }

        @Override
        public void retryLater(Message received, Message message, int attempt, Duration delay) {
            throw new AssertionError("an ordered delivery is retried in place");
        }

        @Override
        public void redeliverLater(Message received, Duration delay) {
            throw new AssertionError("an ordered delivery is retried in place");
        }

        @Override
        public CompletableFuture<Void> publish(String destination, Message message) {
            throw new AssertionError("nothing is dead-lettered");
        }
    }
}
