package dev.switchboard.kafka;

import dev.switchboard.runtime.messaging.Message;
import dev.switchboard.runtime.messaging.MessageTransport;
import dev.switchboard.runtime.messaging.OpenConsumers;
import dev.switchboard.runtime.messaging.Subscription;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.listener.ContainerProperties;

/**
 * Kafka through spring-kafka. Each destination is a topic (created with the dead-letter topic
 * when first used: {@value #PARTITIONS} partitions, replicated as the cluster allows); each
 * consumer group is a Kafka consumer group reading from the earliest offset; a command's instances
 * share one group. The producer is idempotent with {@code acks=all}, and a publish completes when
 * the broker acknowledged it. Records go through the runtime's {@code DeliveryLoop}
 * ({@link KafkaSubscriptionListener}): offsets are committed per record after the handler succeeded
 * or the record was dead-lettered; a retry is the container's own seek back and pause for the
 * contract's backoff, which keeps the partition's order.
 */
public final class KafkaTransport implements MessageTransport {

    static final int PARTITIONS = 3;

    private final String bootstrapServers;
    private final KafkaTemplate<String, byte[]> template;
    private final KafkaAdmin admin;
    private final Set<String> topics = ConcurrentHashMap.newKeySet();
    private final OpenConsumers consumers = new OpenConsumers();
    private volatile Integer replicas;

    public KafkaTransport(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
        this.template = new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class)));
        this.admin = new KafkaAdmin(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
        this.admin.setFatalIfBrokerNotAvailable(true);
    }

    @Override
    public String name() {
        return "kafka";
    }

    @Override
    public CompletableFuture<Void> publish(String destination, Message message) {
        try {
            topic(destination);
            ProducerRecord<String, byte[]> record = new ProducerRecord<>(destination, null, message.subject(),
                    message.payload(), KafkaCloudEvents.headers(message));
            return template.send(record).thenApply(sent -> null);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    @Override
    public AutoCloseable subscribe(Subscription subscription) {
        topic(subscription.destination());
        topic(subscription.deadLetter());
        String groupId = subscription.mode() == Subscription.Mode.POINT_TO_POINT
                ? "switchboard-queue." + subscription.destination() : subscription.group();
        ContainerProperties properties = new ContainerProperties(subscription.destination());
        properties.setGroupId(groupId);
        properties.setAckMode(ContainerProperties.AckMode.MANUAL_IMMEDIATE);
        properties.setPollTimeout(KafkaSubscriptionListener.POLL_TIMEOUT.toMillis());
        properties.setMessageListener(new KafkaSubscriptionListener(subscription, this));
        ConcurrentMessageListenerContainer<String, byte[]> container = new ConcurrentMessageListenerContainer<>(
                new DefaultKafkaConsumerFactory<>(Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                        ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                        ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class)),
                properties);
        container.setConcurrency(Math.min(subscription.concurrency(), PARTITIONS));
        container.start();
        return consumers.add(container::stop);
    }

    private void topic(String name) {
        if (topics.contains(name)) {
            return;
        }
        admin.createOrModifyTopics(TopicBuilder.name(name).partitions(PARTITIONS).replicas(replicas()).build());
        topics.add(name);
    }

    private int replicas() {
        if (replicas == null) {
            try (Admin client = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
                replicas = Math.min(3, client.describeCluster().nodes().get(10, TimeUnit.SECONDS).size());
            } catch (Exception e) {
                throw new IllegalStateException("cannot reach Kafka at " + bootstrapServers + ": " + e.getMessage(), e);
            }
        }
        return replicas;
    }

    /** Stops every listener after its in-flight handlers finish, then the producer. */
    @Override
    public void close() {
        consumers.closeAll();
        template.getProducerFactory().reset();
    }
}
