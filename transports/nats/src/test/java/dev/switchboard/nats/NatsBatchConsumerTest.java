package dev.switchboard.nats;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.runtime.ErrorCode;
import dev.switchboard.runtime.SwitchboardException;
import dev.switchboard.runtime.messaging.BatchHandler;
import dev.switchboard.runtime.messaging.Message;
import dev.switchboard.runtime.messaging.Subscription;
import dev.switchboard.runtime.policy.RetrySettings;
import io.nats.client.Connection;
import io.nats.client.JetStreamManagement;
import io.nats.client.Nats;
import io.nats.client.api.ConsumerInfo;
import io.nats.client.api.MessageInfo;
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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A batch subscription on JetStream: one fetch is one batch, acknowledged message by message once its
 * handler returns, and a poison message is split out of its batch and dead-lettered alone. On the local
 * NATS server.
 */
class NatsBatchConsumerTest {

    private static final RetrySettings RETRY = new RetrySettings(3, Duration.ofMillis(100), Duration.ofSeconds(1),
            0.0, 0.2);

    private final String destination = "sb-it-batch-" + UUID.randomUUID().toString().substring(0, 8);
    private final Queue<List<String>> batches = new ConcurrentLinkedQueue<>();
    private Connection connection;
    private JetStreamManagement management;
    private NatsTransport transport;

    @BeforeEach
    void connect() throws Exception {
        connection = Nats.connect("nats://127.0.0.1:4222");
        management = connection.jetStreamManagement();
        transport = new NatsTransport(connection, 1);
    }

    @AfterEach
    void clean() throws Exception {
        transport.close();
        for (String stream : List.of(NatsNames.stream(destination), NatsNames.stream(destination + ".dlq"))) {
            try {
                management.deleteStream(stream);
            } catch (Exception notThere) {
                // the dead-letter stream exists only once something was dead-lettered
            }
        }
        connection.close();
    }

    @Test
    void messagesArriveInBatchesOfAtMostMaxAndAreAllAcknowledged() throws Exception {
        publish(25, -1);

        subscribe((messages, delivery) -> {});

        await(() -> batches.stream().mapToInt(List::size).sum() == 25);
        assertThat(batches).allSatisfy(batch -> assertThat(batch).hasSizeBetween(1, 10));
        assertThat(batches.stream().flatMap(List::stream)).doesNotHaveDuplicates();
        assertThat(batches.size()).as("25 messages waiting are fetched ten at a time").isLessThanOrEqualTo(5);
        awaitAllAcknowledged();
    }

    @Test
    void aPoisonMessageIsDeadLetteredAloneAndItsBatchNeighboursHandled() throws Exception {
        publish(10, 6);

        Queue<String> done = new ConcurrentLinkedQueue<>();
        subscribe((messages, delivery) -> {
            if (messages.stream().anyMatch(message -> text(message).equals("poison"))) {
                throw new SwitchboardException(ErrorCode.INVALID_ARGUMENT, "INVALID_ARGUMENT", "not an order",
                        Map.of());
            }
            messages.forEach(message -> done.add(text(message)));
        });

        await(() -> done.size() == 9);
        awaitAllAcknowledged();
        await(() -> deadLetters() == 1);
        MessageInfo dead = management.getMessage(NatsNames.stream(destination + ".dlq"), 1);
        assertThat(new String(dead.getData(), StandardCharsets.UTF_8)).isEqualTo("poison");
        assertThat(done).doesNotHaveDuplicates().doesNotContain("poison");
    }

    private void subscribe(BatchHandler handler) {
        transport.subscribe(new Subscription(destination, Subscription.Mode.PUBLISH_SUBSCRIBE, "points",
                (BatchHandler) (messages, delivery) -> {
                    batches.add(messages.stream().map(NatsBatchConsumerTest::text).toList());
                    handler.handleAll(messages, delivery);
                }, RETRY, destination + ".dlq", 1, false, new Subscription.Batch(10, Duration.ofMillis(300))));
    }

    private void publish(int count, int poisonAt) throws Exception {
        transport.declare(destination, Subscription.Mode.PUBLISH_SUBSCRIBE, false);
        for (int i = 0; i < count; i++) {
            String text = i == poisonAt ? "poison" : "order-" + i;
            transport.publish(destination, new Message(UUID.randomUUID().toString(), "t", "s", "k-" + i,
                    Instant.now(), "application/json", Map.of(), text.getBytes(StandardCharsets.UTF_8)))
                    .get(10, TimeUnit.SECONDS);
        }
    }

    private void awaitAllAcknowledged() throws Exception {
        await(() -> {
            try {
                ConsumerInfo consumer = management.getConsumerInfo(NatsNames.stream(destination),
                        NatsNames.durable("points"));
                return consumer.getNumAckPending() == 0 && consumer.getNumPending() == 0;
            } catch (Exception e) {
                return false;
            }
        });
    }

    private long deadLetters() {
        try {
            return management.getStreamInfo(NatsNames.stream(destination + ".dlq")).getStreamState().getMsgCount();
        } catch (Exception notYet) {
            return 0;
        }
    }

    private static String text(Message message) {
        return new String(message.payload(), StandardCharsets.UTF_8);
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        Instant bound = Instant.now().plusSeconds(15);
        while (!condition.getAsBoolean()) {
            assertThat(Instant.now()).as("within 15 s").isBefore(bound);
            Thread.sleep(50);
        }
    }
}
