package dev.switchboard.nats;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.runtime.ErrorCode;
import dev.switchboard.runtime.SwitchboardException;
import dev.switchboard.runtime.messaging.Message;
import dev.switchboard.runtime.messaging.MessageHandler;
import dev.switchboard.runtime.messaging.Subscription;
import dev.switchboard.runtime.policy.RetrySettings;
import io.nats.client.Connection;
import io.nats.client.Nats;
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

/** The attempt a handler sees is JetStream's count of deliveries, read from the ack subject. On the local NATS server. */
class NatsDeliveryCountTest {

    private final String destination = "sb-it-count-" + UUID.randomUUID().toString().substring(0, 8);
    private final Queue<Integer> attempts = new ConcurrentLinkedQueue<>();
    private Connection connection;
    private NatsTransport transport;

    @BeforeEach
    void connect() throws Exception {
        connection = Nats.connect("nats://127.0.0.1:4222");
        transport = new NatsTransport(connection);
    }

    @AfterEach
    void clean() throws Exception {
        transport.close();
        connection.jetStreamManagement().deleteStream(NatsNames.stream(destination));
        connection.close();
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
}
