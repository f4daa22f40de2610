package dev.switchboard.benchmarks.messaging.bare;

import dev.switchboard.benchmarks.messaging.Deliveries;
import dev.switchboard.benchmarks.messaging.Side;
import dev.switchboard.benchmarks.messaging.prices.PriceChanged;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
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
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.FixedBackOff;
import tools.jackson.databind.json.JsonMapper;

/**
 * The baseline: what a developer writes with spring-kafka alone for the same flow — an idempotent producer with
 * {@code acks=all}, a publish complete when the broker acknowledged it, a listener container with two consumers
 * acknowledging each record after the handler and committing once per poll ({@code MANUAL}, as the generated side
 * does), JSON payloads — without CloudEvent headers, observation, idempotency, retries or dead-lettering. With
 * {@code guarantees}, the same plus what a developer adds by hand for Switchboard's delivery guarantees: a message id
 * header and in-memory dedup ({@link SeenIds}), and spring-kafka's error handler retrying a failed record twice
 * and then publishing it to the dead-letter topic. With {@link BareTracing}, spring-kafka's own observations on the
 * template and the container.
 */
public final class BareKafkaSide implements Side {

    /** The template's: a template closes only a factory it made itself, so {@link #close} closes this one. */
    private final DefaultKafkaProducerFactory<String, byte[]> producers;
    private final KafkaTemplate<String, byte[]> template;
    private final ConcurrentMessageListenerContainer<String, byte[]> container;
    private final JsonMapper json = JsonMapper.builder().build();
    /** Null without {@code guarantees}. */
    private final SeenIds seen;
    /** Each variant its own topic, so both can run in one benchmark. */
    private final String topic;

    public BareKafkaSide(String bootstrapServers) {
        this(bootstrapServers, false);
    }

    public BareKafkaSide(String bootstrapServers, boolean guarantees) {
        seen = guarantees ? new SeenIds() : null;
        topic = "bench." + (guarantees ? "guarded" : "bare") + ".prices";
        producers = new DefaultKafkaProducerFactory<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class));
        template = new KafkaTemplate<>(producers);
        if (BareTracing.ENABLED) {
            template.setObservationEnabled(true);
            template.setObservationRegistry(BareTracing.registry());
        }
        ContainerProperties properties = new ContainerProperties(topic);
        properties.setObservationEnabled(BareTracing.ENABLED);
        properties.setObservationRegistry(BareTracing.registry());
        properties.setGroupId(topic.replace('.', '-'));
        properties.setAckMode(ContainerProperties.AckMode.MANUAL);
        properties.setMessageListener((AcknowledgingMessageListener<String, byte[]>) (record, acknowledgment) -> {
            String cloudEventId = CloudEventHeaders.ENABLED ? CloudEventHeaders.read("ce_", each ->
                    record.headers().forEach(header ->
                            each.accept(header.key(), new String(header.value(), StandardCharsets.UTF_8)))) : null;
            if (seen == null) {
                Deliveries.received(json.readValue(record.value(), PriceChanged.class).sentAt());
                acknowledgment.acknowledge();
                return;
            }
            String id = CloudEventHeaders.ENABLED ? cloudEventId : messageId(record);
            if (seen.first(id)) {
                try {
                    Deliveries.received(json.readValue(record.value(), PriceChanged.class).sentAt());
                } catch (RuntimeException failure) {
                    seen.forget(id);
                    throw failure;
                }
            }
            acknowledgment.acknowledge();
        });
        container = new ConcurrentMessageListenerContainer<>(new DefaultKafkaConsumerFactory<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class)), properties);
        container.setConcurrency(2);
        if (guarantees) {
            container.setCommonErrorHandler(new DefaultErrorHandler(new DeadLetterPublishingRecoverer(template),
                    new FixedBackOff(100, 2)));
        }
        container.start();
    }

    private static String messageId(ConsumerRecord<String, byte[]> record) {
        Header header = record.headers().lastHeader(SeenIds.HEADER);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    @Override
    public CompletableFuture<?> publish(long sequence, long sentAtNanos) {
        String key = "sku-" + (sequence % 100);
        byte[] value = json.writeValueAsBytes(new PriceChanged(key, sequence, sentAtNanos));
        if (seen == null && !CloudEventHeaders.ENABLED) {
            return template.send(topic, key, value);
        }
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, key, value);
        if (CloudEventHeaders.ENABLED) {
            CloudEventHeaders.write("ce_", sequence, (name, header) ->
                    record.headers().add(name, header.getBytes(StandardCharsets.UTF_8)));
        } else {
            record.headers().add(SeenIds.HEADER, UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8));
        }
        return template.send(record);
    }

    @Override
    public void close() {
        container.stop();
        template.destroy();
        producers.destroy();
    }
}
