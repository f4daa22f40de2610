package dev.switchboard.runtime.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.runtime.ErrorCode;
import dev.switchboard.runtime.SwitchboardException;
import dev.switchboard.runtime.policy.RetrySettings;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class DefaultMessageListenersTest {

    private static final MessageDescriptor ORDER_CREATED = new MessageDescriptor("Orders", "orderCreated",
            MessageDescriptor.Kind.EVENT, "com.example.orders.orderCreated", "orders.created", "orders.created.dlq",
            new RetrySettings(1, Duration.ofMillis(10), Duration.ofMillis(10), 0.0, 0.0), new NoCodec());

    private final EmbeddedBroker broker = new EmbeddedBroker();
    private final ObservationRegistry registry = ObservationRegistry.create();
    /** Starts, stops and scope changes of the consumer observations, in order. */
    private final List<String> lifecycle = new CopyOnWriteArrayList<>();

    DefaultMessageListenersTest() {
        registry.observationConfig().observationHandler(new ObservationHandler<>() {
            @Override
            public void onStart(Observation.Context context) {
                lifecycle.add("start");
            }

            @Override
            public void onScopeOpened(Observation.Context context) {
                lifecycle.add("scope opened");
            }

            @Override
            public void onStop(Observation.Context context) {
                lifecycle.add("stop " + context.getLowCardinalityKeyValue("outcome").getValue());
            }

            @Override
            public void onScopeClosed(Observation.Context context) {
                lifecycle.add("scope closed");
            }

            @Override
            public boolean supportsContext(Observation.Context context) {
                return true;
            }
        });
    }

    @AfterEach
    void close() {
        broker.close();
    }

    private static Message message(String sku) {
        return new Message(UUID.randomUUID().toString(), ORDER_CREATED.type(), "Orders", sku, Instant.now(),
                "application/json", Map.of(), ("{\"sku\":\"" + sku + "\"}").getBytes(StandardCharsets.UTF_8));
    }

    record OrderCreated(String sku) {}

    /**
     * A tracing meter handler makes the span current to record the timer unless it already is: stopped after its
     * scope, every message paid for a second round of trace-context (MDC, baggage) events.
     */
    @Test
    void eachMessageIsObservedWithItsStopInsideItsScopeWhetherTheHandlerReturnsOrThrows() throws Exception {
        List<String> handled = new CopyOnWriteArrayList<>();
        DefaultMessageListeners listeners = new DefaultMessageListeners(broker, () -> "Points", 1,
                new InMemoryProcessedMessages(), JsonMapper.builder().build(), registry);
        listeners.listen(ORDER_CREATED, OrderCreated.class, created -> {
            if (created.sku().equals("poison")) {
                throw new SwitchboardException(ErrorCode.INVALID_ARGUMENT, "INVALID_ARGUMENT", "no", Map.of());
            }
            handled.add(created.sku());
        });

        broker.publish(ORDER_CREATED.destination(), message("sku-1")).get(5, TimeUnit.SECONDS);
        awaitEvents(4);
        broker.publish(ORDER_CREATED.destination(), message("poison")).get(5, TimeUnit.SECONDS);
        awaitEvents(8);

        assertThat(handled).containsExactly("sku-1");
        assertThat(lifecycle).containsExactly("start", "scope opened", "stop OK", "scope closed",
                "start", "scope opened", "stop INVALID_ARGUMENT", "scope closed");
    }

    private void awaitEvents(int count) throws InterruptedException {
        long giveUp = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (lifecycle.size() < count) {
            assertThat(System.nanoTime()).as(count + " observation events within 10 s").isLessThan(giveUp);
            Thread.sleep(10);
        }
    }
}
