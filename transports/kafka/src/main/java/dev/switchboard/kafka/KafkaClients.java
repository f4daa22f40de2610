package dev.switchboard.kafka;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.ProducerFactory;

/**
 * Switchboard's Kafka clients derived from the application's factories, so every client setting of
 * the application (bootstrap servers, security protocol, SASL, SSL bundle, client id, timeouts, the
 * Micrometer listeners Boot adds) reaches the wire, with only what Switchboard's guarantees need on
 * top. The application's factories are never changed: the producer side is a copy, the consumer
 * side per-container overrides.
 */
final class KafkaClients {

    /** The name Switchboard's producer factory reports to listeners, e.g. the {@code spring.id} tag of its meters. */
    static final String PRODUCER_FACTORY_NAME = "switchboardKafkaProducerFactory";

    /** Appended to the application's transaction id prefix, so Switchboard's producers never fence the application's. */
    static final String TRANSACTION_ID_SUFFIX = "switchboard-";

    private KafkaClients() {}

    /**
     * How long a send may block the publishing thread while Kafka cannot be reached (waiting for a
     * topic's metadata): Kafka's own {@code max.block.ms} is 60 s, far beyond any call's deadline.
     * The publish's own timeout bounds the rest; an application that sets {@code max.block.ms} keeps it.
     */
    static final Duration MAX_BLOCK = Duration.ofSeconds(5);

    /**
     * A copy of {@code application} that waits for every in-sync replica ({@code acks=all}), never
     * writes a record twice ({@code enable.idempotence=true}), writes string keys and byte values,
     * and blocks a publishing thread at most {@link #MAX_BLOCK} unless the application said otherwise.
     * A transactional factory stays transactional, with its own transaction ids.
     */
    @SuppressWarnings("unchecked")
    static ProducerFactory<String, byte[]> producers(ProducerFactory<?, ?> application) {
        Map<String, Object> overrides = new HashMap<>();
        if (!application.getConfigurationProperties().containsKey(ProducerConfig.MAX_BLOCK_MS_CONFIG)) {
            overrides.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, (int) MAX_BLOCK.toMillis());
        }
        overrides.put(ProducerConfig.ACKS_CONFIG, "all");
        overrides.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        overrides.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        overrides.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        String transactionIdPrefix = application.getTransactionIdPrefix();
        if (application.transactionCapable() && transactionIdPrefix != null) {
            overrides.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionIdPrefix + TRANSACTION_ID_SUFFIX);
        }
        ProducerFactory<String, byte[]> copy =
                (ProducerFactory<String, byte[]>) application.copyWithConfigurationOverride(overrides);
        if (copy instanceof DefaultKafkaProducerFactory<String, byte[]> factory) {
            // A copy keeps the original's serializer instances, if it had any; Switchboard's are fixed.
            factory.setKeySerializerSupplier(StringSerializer::new);
            factory.setValueSerializerSupplier(ByteArraySerializer::new);
            factory.setBeanName(PRODUCER_FACTORY_NAME);
        }
        return copy;
    }

    /**
     * What Switchboard's listener containers add to {@code application}'s consumer settings: offsets
     * committed by the container after the handler, string keys and byte values, and a new group
     * reading from the earliest offset unless the application chose {@code auto.offset.reset}.
     */
    static Properties consumerOverrides(ConsumerFactory<?, ?> application) {
        requireConfigured("key", application.getKeyDeserializer(), StringDeserializer.class);
        requireConfigured("value", application.getValueDeserializer(), ByteArrayDeserializer.class);
        Properties overrides = new Properties();
        overrides.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        overrides.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        overrides.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        if (!application.getConfigurationProperties().containsKey(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG)) {
            overrides.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        }
        return overrides;
    }

    /** A deserializer instance in the factory would win over the properties, so it must be the one Switchboard needs. */
    private static void requireConfigured(String what, Deserializer<?> instance, Class<?> needed) {
        if (instance != null && !needed.isInstance(instance)) {
            throw new IllegalArgumentException("Switchboard reads Kafka records with a " + needed.getSimpleName()
                    + " for the " + what + ", but the application's ConsumerFactory has a " + what + " deserializer instance ("
                    + instance.getClass().getName() + "): configure deserializers by property instead");
        }
    }
}
