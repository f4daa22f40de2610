package dev.switchboard.kafka;

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
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * A batch subscription on Kafka: one poll is one batch, committed once; a poison record is split out
 * of its batch and dead-lettered alone; a batch that fails with attempts left goes back to its first
 * record and comes again whole. On a real in-process KRaft broker.
 */
class KafkaBatchConsumerTest {

    private static final RetrySettings RETRY = new RetrySettings(3, Duration.ofMillis(100), Duration.ofSeconds(1),
            0.0, 0.2);
    private static final EmbeddedKafkaKraftBroker KAFKA = new EmbeddedKafkaKraftBroker(1, 1);

    private final String destination = "sb-batch-" + UUID.randomUUID().toString().substring(0, 8);
    private final Queue<List<String>> batches = new ConcurrentLinkedQueue<>();
    private final Queue<String> done = new ConcurrentLinkedQueue<>();
    private KafkaTransport transport;

    @BeforeAll
    static void startKafka() {
        KAFKA.afterPropertiesSet();
    }

    @AfterAll
    static void stopKafka() {
        KAFKA.destroy();
    }

    @AfterEach
    void close() {
        if (transport != null) {
            transport.close();
        }
    }

    @Test
    void aPoisonRecordIsDeadLetteredAloneAndItsNeighboursHandledOnce() throws Exception {
        transport = transport();
        publish(30, 13);
        Queue<String> dead = new ConcurrentLinkedQueue<>();
        transport.subscribe(new Subscription(destination + ".dlq", Subscription.Mode.PUBLISH_SUBSCRIBE, "ops",
                (message, delivery) -> dead.add(text(message)), RETRY, destination + ".dlq.dlq", 1));

        subscribe((messages, delivery) -> {
            if (messages.stream().anyMatch(message -> text(message).equals("poison"))) {
                throw new SwitchboardException(ErrorCode.INVALID_ARGUMENT, "INVALID_ARGUMENT", "not an order",
                        Map.of());
            }
            messages.forEach(message -> done.add(text(message)));
        });

        await(() -> done.size() == 29 && dead.size() == 1);
        assertThat(done).doesNotHaveDuplicates().doesNotContain("poison");
        assertThat(dead).containsExactly("poison");
        assertThat(batches.peek()).as("the first poll: ten of the records waiting").hasSize(10);
        assertThat(batches).allSatisfy(batch -> assertThat(batch).hasSizeLessThanOrEqualTo(10));
    }

    @Test
    void aBatchThatFailsWithAttemptsLeftComesAgainFromItsFirstRecord() throws Exception {
        transport = transport();
        publish(5, -1);
        AtomicInteger calls = new AtomicInteger();

        subscribe((messages, delivery) -> {
            if (calls.incrementAndGet() == 1) {
                throw new SwitchboardException(ErrorCode.UNAVAILABLE, "UNAVAILABLE", "the database is down", Map.of());
            }
            messages.forEach(message -> done.add(text(message)));
        });

        await(() -> done.size() == 5);
        assertThat(batches).hasSize(2);
        assertThat(batches).allSatisfy(batch -> assertThat(batch).hasSize(5));
        assertThat(done).doesNotHaveDuplicates();
    }

    private void subscribe(BatchHandler handler) {
        transport.subscribe(new Subscription(destination, Subscription.Mode.PUBLISH_SUBSCRIBE, "points",
                (BatchHandler) (messages, delivery) -> {
                    batches.add(messages.stream().map(KafkaBatchConsumerTest::text).toList());
                    handler.handleAll(messages, delivery);
                }, RETRY, destination + ".dlq", 1, false, new Subscription.Batch(10, Duration.ofMillis(200))));
    }

    private void publish(int count, int poisonAt) throws Exception {
        for (int i = 0; i < count; i++) {
            String text = i == poisonAt ? "poison" : "order-" + i;
            transport.publish(destination, new Message(UUID.randomUUID().toString(), "t", "s", "k-" + i,
                    Instant.now(), "application/json", Map.of(), text.getBytes(StandardCharsets.UTF_8)))
                    .get(30, TimeUnit.SECONDS);
        }
    }

    private static KafkaTransport transport() {
        String servers = KAFKA.getBrokersAsString();
        return new KafkaTransport(
                new DefaultKafkaProducerFactory<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, servers,
                        ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                        ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class)),
                new DefaultKafkaConsumerFactory<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, servers,
                        ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                        ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class)),
                new KafkaAdmin(Map.of("bootstrap.servers", servers)),
                new KafkaTopics(true, 1, 1, Map.of()));
    }

    private static String text(Message message) {
        return new String(message.payload(), StandardCharsets.UTF_8);
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        long giveUp = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("within 30 s").isLessThan(giveUp);
            Thread.sleep(50);
        }
    }
}
