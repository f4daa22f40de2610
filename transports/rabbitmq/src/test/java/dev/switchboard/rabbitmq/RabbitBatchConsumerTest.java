package dev.switchboard.rabbitmq;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.runtime.ErrorCode;
import dev.switchboard.runtime.SwitchboardException;
import dev.switchboard.runtime.messaging.BatchHandler;
import dev.switchboard.runtime.messaging.Message;
import dev.switchboard.runtime.messaging.Subscription;
import dev.switchboard.runtime.policy.RetrySettings;
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
import org.junit.jupiter.api.Test;
import org.springframework.amqp.core.QueueInformation;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitAdmin;
import org.springframework.amqp.rabbit.core.RabbitTemplate;

/**
 * A batch subscription on RabbitMQ: the listener container gathers the batch from its prefetch, every
 * message of it is acknowledged after the handler, and a poison message is split out and dead-lettered
 * alone. On the local RabbitMQ.
 */
class RabbitBatchConsumerTest {

    private static final RetrySettings RETRY = new RetrySettings(3, Duration.ofMillis(100), Duration.ofSeconds(1),
            0.0, 0.2);

    private final String destination = "sb-it-batch-" + UUID.randomUUID().toString().substring(0, 8);
    private final String queue = destination + ".points";
    private final CachingConnectionFactory connections = LocalRabbit.connections();
    private final RabbitTransport transport = new RabbitTransport(new RabbitTemplate(connections));
    private final RabbitAdmin admin = new RabbitAdmin(connections);
    private final Queue<List<String>> batches = new ConcurrentLinkedQueue<>();
    private final Queue<String> done = new ConcurrentLinkedQueue<>();

    @AfterEach
    void clean() {
        transport.close();
        for (String name : List.of(queue, queue + ".retry", destination + ".dlq")) {
            admin.deleteQueue(name);
        }
        admin.deleteExchange(destination);
        admin.deleteExchange(destination + ".dlq");
        connections.destroy();
    }

    @Test
    void waitingMessagesArriveInBatchesAndAPoisonMessageIsDeadLetteredAlone() throws Exception {
        subscribe();
        for (int i = 0; i < 30; i++) {
            String text = i == 13 ? "poison" : "order-" + i;
            transport.publish(destination, new Message(UUID.randomUUID().toString(), "t", "s", "k-" + i,
                    Instant.now(), "application/json", Map.of(), text.getBytes(StandardCharsets.UTF_8)))
                    .get(10, TimeUnit.SECONDS);
        }

        await(() -> done.size() == 29 && messages(destination + ".dlq") == 1);
        await(() -> messages(queue) == 0);
        assertThat(done).doesNotHaveDuplicates().doesNotContain("poison");
        assertThat(batches).allSatisfy(batch -> assertThat(batch).hasSizeLessThanOrEqualTo(10));
        assertThat(batches).as("batches of more than one message").anySatisfy(batch ->
                assertThat(batch.size()).isGreaterThan(1));
        org.springframework.amqp.core.Message dead = new RabbitTemplate(connections)
                .receive(destination + ".dlq", 5_000);
        assertThat(dead).isNotNull();
        assertThat(new String(dead.getBody(), StandardCharsets.UTF_8)).isEqualTo("poison");
    }

    private void subscribe() {
        transport.subscribe(new Subscription(destination, Subscription.Mode.PUBLISH_SUBSCRIBE, "points",
                (BatchHandler) (messages, delivery) -> {
                    List<String> texts = messages.stream()
                            .map(message -> new String(message.payload(), StandardCharsets.UTF_8)).toList();
                    batches.add(texts);
                    Thread.sleep(20);
                    if (texts.contains("poison")) {
                        throw new SwitchboardException(ErrorCode.INVALID_ARGUMENT, "INVALID_ARGUMENT", "not an order",
                                Map.of());
                    }
                    done.addAll(texts);
                }, RETRY, destination + ".dlq", 1, false, new Subscription.Batch(10, Duration.ofMillis(200))));
    }

    /** Messages ready on the queue (-1 when there is no such queue). */
    private long messages(String name) {
        QueueInformation information = admin.getQueueInfo(name);
        return information == null ? -1 : information.getMessageCount();
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        long giveUp = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("within 15 s").isLessThan(giveUp);
            Thread.sleep(50);
        }
    }
}
