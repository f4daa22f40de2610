package dev.switchboard.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.ProducerFactory;

/** Switchboard's clients keep every setting of the application's factories and leave those factories alone. */
class KafkaClientsTest {

    private static Map<String, Object> applicationProducerSettings() {
        Map<String, Object> settings = new HashMap<>();
        settings.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "broker-1:9093,broker-2:9093");
        settings.put("security.protocol", "SASL_SSL");
        settings.put("sasl.mechanism", "PLAIN");
        settings.put(ProducerConfig.CLIENT_ID_CONFIG, "orders");
        settings.put(ProducerConfig.ACKS_CONFIG, "1");
        settings.put(ProducerConfig.LINGER_MS_CONFIG, 20);
        settings.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        settings.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        return settings;
    }

    @Test
    void theProducerCopyAddsOnlySwitchboardsGuaranteesAndLeavesTheApplicationsFactoryAlone() {
        DefaultKafkaProducerFactory<Object, Object> application = new DefaultKafkaProducerFactory<>(applicationProducerSettings());
        ProducerFactory.Listener<Object, Object> metrics = new ProducerFactory.Listener<>() { };
        application.addListener(metrics);

        ProducerFactory<String, byte[]> switchboard = KafkaClients.producers(application);

        assertThat(switchboard.getConfigurationProperties())
                .containsEntry(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "broker-1:9093,broker-2:9093")
                .containsEntry("security.protocol", "SASL_SSL")
                .containsEntry("sasl.mechanism", "PLAIN")
                .containsEntry(ProducerConfig.CLIENT_ID_CONFIG, "orders")
                .containsEntry(ProducerConfig.LINGER_MS_CONFIG, 20)
                .containsEntry(ProducerConfig.ACKS_CONFIG, "all")
                .containsEntry(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true)
                .containsEntry(ProducerConfig.MAX_BLOCK_MS_CONFIG, 5000)
                .containsEntry(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        assertThat(List.<Object>copyOf(switchboard.getListeners())).containsExactly(metrics);
        assertThat(switchboard.transactionCapable()).isFalse();
        assertThat(application.getConfigurationProperties()).isEqualTo(applicationProducerSettings());
        assertThat(application.getListeners()).containsExactly(metrics);
    }

    @Test
    void aPublishBlocksAsLongAsTheApplicationSaysWhenItSays() {
        Map<String, Object> settings = applicationProducerSettings();
        settings.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 1500);

        ProducerFactory<String, byte[]> switchboard = KafkaClients.producers(new DefaultKafkaProducerFactory<>(settings));

        assertThat(switchboard.getConfigurationProperties()).containsEntry(ProducerConfig.MAX_BLOCK_MS_CONFIG, 1500);
    }

    @Test
    void aTransactionalFactoryGivesATransactionalCopyWithTransactionIdsOfItsOwn() {
        DefaultKafkaProducerFactory<Object, Object> application = new DefaultKafkaProducerFactory<>(applicationProducerSettings());
        application.setTransactionIdPrefix("orders-tx-");

        ProducerFactory<String, byte[]> switchboard = KafkaClients.producers(application);

        assertThat(switchboard.transactionCapable()).isTrue();
        assertThat(switchboard.getTransactionIdPrefix()).isEqualTo("orders-tx-switchboard-");
        assertThat(application.getTransactionIdPrefix()).isEqualTo("orders-tx-");
    }

    @Test
    void consumersReadFromTheStartOfANewGroupUnlessTheApplicationChose() {
        Map<String, Object> settings = new HashMap<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, "broker-1:9093"));
        Properties byDefault = KafkaClients.consumerOverrides(new DefaultKafkaConsumerFactory<>(settings));
        assertThat(byDefault).containsEntry(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest")
                .containsEntry(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false")
                .containsEntry(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
                        "org.apache.kafka.common.serialization.ByteArrayDeserializer");

        settings.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
        settings.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, true);
        Properties chosen = KafkaClients.consumerOverrides(new DefaultKafkaConsumerFactory<>(settings));
        assertThat(chosen).doesNotContainKey(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG)
                .containsEntry(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    }

    @Test
    void aConsumerFactoryWithItsOwnValueDeserializerInstanceIsRefusedClearly() {
        DefaultKafkaConsumerFactory<String, String> application = new DefaultKafkaConsumerFactory<>(
                Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, "broker-1:9093"), new StringDeserializer(), new StringDeserializer());

        assertThatThrownBy(() -> KafkaClients.consumerOverrides(application))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ByteArrayDeserializer for the value")
                .hasMessageContaining("org.apache.kafka.common.serialization.StringDeserializer");
    }

    @Test
    void destinationsOverrideTheSharedTopicSettings() {
        KafkaTopics topics = new KafkaTopics(true, 6, null, Map.of("orders.placed", new KafkaTopics.Settings(12, 2),
                "orders.placed.dlq", new KafkaTopics.Settings(null, 1)));

        assertThat(topics.partitions("orders.placed")).isEqualTo(12);
        assertThat(topics.replicas("orders.placed")).isEqualTo(2);
        assertThat(topics.partitions("orders.placed.dlq")).isEqualTo(6);
        assertThat(topics.replicas("orders.placed.dlq")).isEqualTo(1);
        assertThat(topics.partitions("other")).isEqualTo(6);
        assertThat(topics.replicas("other")).isNull();
        assertThatThrownBy(() -> new KafkaTopics(true, 0, null, Map.of())).hasMessageContaining("partitions must be at least 1");
    }
}
