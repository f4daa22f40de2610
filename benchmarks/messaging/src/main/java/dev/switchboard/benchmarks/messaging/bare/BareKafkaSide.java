package dev.switchboard.benchmarks.messaging.bare;

import dev.switchboard.benchmarks.messaging.Deliveries;
import dev.switchboard.benchmarks.messaging.Side;
import dev.switchboard.benchmarks.messaging.prices.PriceChanged;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.AcknowledgingMessageListener;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.listener.ContainerProperties;
import tools.jackson.databind.json.JsonMapper;

/**
 * The baseline: what a developer writes with spring-kafka alone for the same flow — an idempotent producer with
 * {@code acks=all}, a publish complete when the broker acknowledged it, a listener container with two consumers
 * acknowledging each record after the handler and committing once per poll ({@code MANUAL}, as the generated side
 * does), JSON payloads — without CloudEvent headers, observation, idempotency, retries or dead-lettering.
 */
public final class BareKafkaSide implements Side {

    private static final String TOPIC = "bench.bare.prices";

    private final KafkaTemplate<String, byte[]> template;
    private final ConcurrentMessageListenerContainer<String, byte[]> container;
    private final JsonMapper json = JsonMapper.builder().build();

    public BareKafkaSide(String bootstrapServers) {
        template = new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class)));
        ContainerProperties properties = new ContainerProperties(TOPIC);
        properties.setGroupId("bench-bare-prices");
        properties.setAckMode(ContainerProperties.AckMode.MANUAL);
        properties.setMessageListener((AcknowledgingMessageListener<String, byte[]>) (record, acknowledgment) -> {
            Deliveries.received(json.readValue(record.value(), PriceChanged.class).sentAt());
            acknowledgment.acknowledge();
        });
        container = new ConcurrentMessageListenerContainer<>(new DefaultKafkaConsumerFactory<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class)), properties);
        container.setConcurrency(2);
        container.start();
    }

    @Override
    public CompletableFuture<?> publish(long sequence, long sentAtNanos) {
        String key = "sku-" + (sequence % 100);
        return template.send(TOPIC, key, json.writeValueAsBytes(new PriceChanged(key, sequence, sentAtNanos)));
    }

    @Override
    public void close() {
        container.stop();
        template.destroy();
    }
}
