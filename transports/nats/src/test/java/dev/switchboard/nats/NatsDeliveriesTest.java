package dev.switchboard.nats;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.runtime.ErrorCode;
import dev.switchboard.runtime.SwitchboardException;
import dev.switchboard.runtime.messaging.Message;
import dev.switchboard.runtime.messaging.MessageHandler;
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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * How JetStream deliveries reach the handler, on the local NATS server: a handler that runs longer than the
 * consumer's ack wait (1.5 s here, against a handler of 4 s) keeps its message, and the messages fetched
 * behind it, from being redelivered to another worker, since they are told to JetStream as in progress until
 * settled; and the attempt a handler sees is JetStream's count of deliveries, read from the ack subject.
 */
class NatsDeliveriesTest {

    private static final Duration ACK_WAIT = Duration.ofMillis(1_500);

    private final String destination = "sb-it-progress-" + UUID.randomUUID().toString().substring(0, 8);
    private final Queue<String> handled = new ConcurrentLinkedQueue<>();
    private final Queue<Integer> attempts = new ConcurrentLinkedQueue<>();
    private Connection connection;
    private JetStreamManagement management;
    private NatsTransport transport;

    @BeforeEach
    void connect() throws Exception {
        connection = Nats.connect("nats://127.0.0.1:4222");
        management = connection.jetStreamManagement();
        transport = new NatsTransport(connection, ACK_WAIT);
    }

    @AfterEach
    void clean() throws Exception {
        transport.close();
        management.deleteStream(NatsNames.stream(destination));
        connection.close();
    }

    @Test
    void aHandlerLongerThanTheAckWaitIsNeitherRedeliveredNorAreTheMessagesBehindIt() throws Exception {
        transport.declare(destination, Subscription.Mode.PUBLISH_SUBSCRIBE, false);
        for (String text : List.of("slow", "behind-1", "behind-2")) {
            transport.publish(destination, new Message(UUID.randomUUID().toString(), "t", "s", text, Instant.now(),
                    "application/json", Map.of(), text.getBytes(StandardCharsets.UTF_8))).get(10, TimeUnit.SECONDS);
        }

        transport.subscribe(new Subscription(destination, Subscription.Mode.PUBLISH_SUBSCRIBE, "progress",
                (MessageHandler) (message, delivery) -> {
                    String text = new String(message.payload(), StandardCharsets.UTF_8);
                    handled.add(text);
                    if (text.equals("slow")) {
                        Thread.sleep(ACK_WAIT.multipliedBy(8).dividedBy(3).toMillis());
                    }
                }, new RetrySettings(3, Duration.ofMillis(100), Duration.ofSeconds(1), 0.0, 0.2),
                destination + ".dlq", 2, false));

        Instant bound = Instant.now().plusSeconds(20);
        while (!settled()) {
            assertThat(Instant.now()).as("all three settled within 20 s").isBefore(bound);
            Thread.sleep(100);
        }
        assertThat(handled).containsExactlyInAnyOrder("slow", "behind-1", "behind-2");
        assertThat(consumer().getRedelivered()).as("deliveries JetStream made again").isZero();
    }

    @Test
    void eachRedeliveryCountsOneMoreAttempt() throws Exception {
        transport.declare(destination, Subscription.Mode.PUBLISH_SUBSCRIBE, false);
        transport.publish(destination, new Message(UUID.randomUUID().toString(), "t", "s", "k", Instant.now(),
                "application/json", Map.of(), "{}".getBytes(StandardCharsets.UTF_8))).get(10, TimeUnit.SECONDS);

        transport.subscribe(new Subscription(destination, Subscription.Mode.PUBLISH_SUBSCRIBE, "count",
                (MessageHandler) (message, delivery) -> {
                    attempts.add(delivery.attempt());
                    if (delivery.attempt() < 3) {
                        throw new SwitchboardException(ErrorCode.UNAVAILABLE, "UNAVAILABLE", "not yet", Map.of());
                    }
                }, new RetrySettings(4, Duration.ofMillis(50), Duration.ofMillis(200), 0.0, 0.0),
                destination + ".dlq", 1, false));

        Instant bound = Instant.now().plusSeconds(15);
        while (attempts.size() < 3) {
            assertThat(Instant.now()).as("three deliveries within 15 s").isBefore(bound);
            Thread.sleep(50);
        }
        Thread.sleep(500);
        assertThat(attempts).containsExactlyElementsOf(List.of(1, 2, 3));
    }

    private boolean settled() throws Exception {
        ConsumerInfo consumer = consumer();
        return consumer.getNumAckPending() == 0 && consumer.getNumPending() == 0 && handled.size() >= 3;
    }

    private ConsumerInfo consumer() throws Exception {
        return management.getConsumerInfo(NatsNames.stream(destination), NatsNames.durable("progress"));
    }
}
