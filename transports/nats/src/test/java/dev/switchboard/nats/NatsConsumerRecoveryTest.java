package dev.switchboard.nats;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.runtime.messaging.Message;
import dev.switchboard.runtime.messaging.Subscription;
import dev.switchboard.runtime.policy.RetrySettings;
import io.nats.client.Connection;
import io.nats.client.JetStreamManagement;
import io.nats.client.Nats;
import io.nats.client.api.ConsumerInfo;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/**
 * A pull answered with a JetStream status instead of messages ({@code 409 Consumer Deleted}, or
 * {@code 409 Leadership Change} when a clustered consumer's leader dies) does not end the workers:
 * they bind again and go on. jnats throws such a status from {@code fetch} as a
 * {@code JetStreamStatusException}, an {@code IllegalStateException}, the same type as a closed
 * subscription's; taken for one, it once stopped every worker of a subscription for good after a
 * cluster's leader was killed. On the local NATS server.
 */
class NatsConsumerRecoveryTest {

    private static final RetrySettings RETRY = new RetrySettings(3, Duration.ofMillis(100), Duration.ofSeconds(1),
            0.0, 0.2);

    @Test
    void workersGoOnAfterTheirConsumerWasDeletedAndCreatedAgain() throws Exception {
        testRecovery(false);
    }

    @Test
    void orderedWorkersGoOnAfterTheirConsumerWasDeletedAndCreatedAgain() throws Exception {
        testRecovery(true);
    }

    private void testRecovery(boolean ordered) throws Exception {
        String destination = "sb-it-recovery-" + UUID.randomUUID().toString().substring(0, 8);
        Queue<String> handled = new ConcurrentLinkedQueue<>();
        try (Connection connection = Nats.connect("nats://127.0.0.1:4222")) {
            JetStreamManagement management = connection.jetStreamManagement();
            NatsTransport transport = new NatsTransport(connection, 1);
            try {
                transport.subscribe(new Subscription(destination, Subscription.Mode.PUBLISH_SUBSCRIBE, "points",
                        (message, delivery) -> handled.add(new String(message.payload(), StandardCharsets.UTF_8)),
                        RETRY, destination + ".dlq", 2, ordered));
                transport.publish(destination, message("before")).get(10, TimeUnit.SECONDS);
                await(() -> handled.contains("before"));

                String stream = NatsNames.stream(destination);
                List<ConsumerInfo> consumers = management.getConsumers(stream);
                assertThat(consumers).isNotEmpty();
                // The workers are waiting in a pull now (each waits 200 ms per fetch): the deletion answers it.
                for (ConsumerInfo consumer : consumers) {
                    management.deleteConsumer(stream, consumer.getName());
                }
                Thread.sleep(1_000);
                for (ConsumerInfo consumer : consumers) {
                    management.addOrUpdateConsumer(stream, consumer.getConsumerConfiguration());
                }
                transport.publish(destination, message("after")).get(10, TimeUnit.SECONDS);

                await(() -> handled.contains("after"));
            } finally {
                transport.close();
                management.deleteStream(NatsNames.stream(destination));
            }
        }
    }

    private static Message message(String text) {
        return new Message(UUID.randomUUID().toString(), "t", "s", "k", Instant.now(), "application/json", Map.of(),
                text.getBytes(StandardCharsets.UTF_8));
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        Instant bound = Instant.now().plusSeconds(15);
        while (!condition.getAsBoolean()) {
            assertThat(Instant.now()).as("handled within 15 s").isBefore(bound);
            Thread.sleep(50);
        }
    }
}
