package dev.switchboard.spring.kafka;

import static dev.switchboard.spring.kafka.KafkaTestApplication.roundTrip;
import static dev.switchboard.spring.kafka.KafkaTestApplication.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.runtime.messaging.Message;
import dev.switchboard.runtime.messaging.MessageTransport;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * The starter on a real in-process KRaft broker: Switchboard's clients are Spring Boot's, configured
 * by {@code spring.kafka.*} alone, with Switchboard's guarantees added on copies and overrides.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SwitchboardKafkaAutoConfigurationTest {

    private final EmbeddedKafkaKraftBroker kafka = new EmbeddedKafkaKraftBroker(1, 1);

    {
        // One broker: the transaction log must fit on it.
        kafka.brokerProperties(Map.of("transaction.state.log.replication.factor", "1", "transaction.state.log.min.isr", "1"));
    }

    @BeforeAll
    void startBroker() {
        kafka.afterPropertiesSet();
    }

    @AfterAll
    void stopBroker() {
        kafka.destroy();
    }

    @Test
    void switchboardsClientsRideBootsFactoriesWithoutChangingThemAndShowInBootsKafkaMetrics() throws Exception {
        try (ConfigurableApplicationContext context = KafkaTestApplication.start(kafka.getBrokersAsString(),
                "spring.kafka.client-id=orders-app", "spring.kafka.producer.acks=1")) {
            MeterRegistry meters = context.getBean(MeterRegistry.class);
            roundTrip(context.getBean(MessageTransport.class), unique("starter.metrics"), () ->
                    assertThat(meters.getMeters()).as("Switchboard's consumer, from Boot's own consumer factory")
                            .anyMatch(meter("kafka.consumer.", "spring.id", "kafkaConsumerFactory.orders-app")));

            Map<String, Object> boots = context.getBean(ProducerFactory.class).getConfigurationProperties();
            assertThat(boots).containsEntry(ProducerConfig.ACKS_CONFIG, "1")
                    .containsEntry(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class)
                    .doesNotContainKey(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG);
            assertThat(meters.getMeters()).as("Switchboard's producer, measured by Boot's listener on the copy")
                    .anyMatch(meter("kafka.producer.", "spring.id", "switchboardKafkaProducerFactory.orders-app"));
        }
    }

    @Test
    void aTransactionalFactoryPublishesInLocalTransactionsThatNeverFenceTheApplicationsOwn() throws Exception {
        try (ConfigurableApplicationContext context = KafkaTestApplication.start(kafka.getBrokersAsString(),
                "spring.kafka.producer.transaction-id-prefix=orders-tx-",
                "spring.kafka.consumer.isolation-level=read-committed")) {
            @SuppressWarnings("unchecked")
            KafkaTemplate<Object, Object> application = context.getBean(KafkaTemplate.class);
            String applicationTopic = unique("starter.app-topic");
            application.executeInTransaction(t -> t.send(applicationTopic, "before"));

            // Read committed: the consumer sees the message only once its local transaction committed.
            roundTrip(context.getBean(MessageTransport.class), unique("starter.transactions"));

            // Had Switchboard's producers taken the application's transactional ids, this one would be fenced.
            application.executeInTransaction(t -> t.send(applicationTopic, "after")).get(30, TimeUnit.SECONDS);
            assertThat(context.getBean(MeterRegistry.class).getMeters()).as("Switchboard's transactional producer")
                    .anyMatch(meter("kafka.producer.", "client.id", "producer-orders-tx-switchboard-"));
        }
    }

    @Test
    void topicsGetTheConfiguredPartitionsAndReplicasAndADestinationItsOwn() throws Exception {
        String destination = unique("starter.partitions");
        try (ConfigurableApplicationContext context = KafkaTestApplication.start(kafka.getBrokersAsString(),
                "switchboard.messaging.kafka.partitions=2", "switchboard.messaging.kafka.replicas=1",
                "switchboard.messaging.kafka.topics[" + destination + "].partitions=5")) {
            roundTrip(context.getBean(MessageTransport.class), destination);

            Map<String, TopicDescription> topics = context.getBean(KafkaAdmin.class)
                    .describeTopics(destination, destination + ".dlq");
            assertThat(topics.get(destination).partitions()).hasSize(5)
                    .allSatisfy(partition -> assertThat(partition.replicas()).hasSize(1));
            assertThat(topics.get(destination + ".dlq").partitions()).hasSize(2);
        }
    }

    @Test
    void withTopicCreationOffAMissingTopicIsAClearErrorNamingItAndAnExistingOneWorks() throws Exception {
        String missing = unique("starter.missing");
        try (ConfigurableApplicationContext context = KafkaTestApplication.start(kafka.getBrokersAsString(),
                "switchboard.messaging.kafka.create-topics=false")) {
            MessageTransport transport = context.getBean(MessageTransport.class);

            assertThatThrownBy(() -> transport.publish(missing, KafkaTestApplication.message("lost")).get(30, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class)
                    .hasMessageContaining("Kafka topic '" + missing + "' does not exist")
                    .hasMessageContaining("switchboard.messaging.kafka.create-topics=false");
            assertThatThrownBy(() -> KafkaTestApplication.subscribe(transport, missing, unique("group"), new LinkedBlockingQueue<Message>()))
                    .hasMessageContaining("Kafka topic '" + missing + "' does not exist");
            KafkaAdmin admin = context.getBean(KafkaAdmin.class);
            assertThatThrownBy(() -> admin.describeTopics(missing)).as("nothing created it").isNotNull();

            admin.createOrModifyTopics(TopicBuilder.name(missing).partitions(1).replicas(1).build(),
                    TopicBuilder.name(missing + ".dlq").partitions(1).replicas(1).build());
            roundTrip(transport, missing);
        }
    }

    private static Predicate<Meter> meter(String namePrefix, String tag, String valuePrefix) {
        return meter -> meter.getId().getName().startsWith(namePrefix)
                && meter.getId().getTags().stream().anyMatch(t -> t.getKey().equals(tag) && t.getValue().startsWith(valuePrefix));
    }
}
