package dev.switchboard.kafka;

import dev.switchboard.runtime.SwitchboardException;
import dev.switchboard.runtime.messaging.DeadLetters;
import dev.switchboard.runtime.messaging.Message;
import dev.switchboard.runtime.messaging.MessageHandler;
import dev.switchboard.runtime.messaging.MessageTransport;
import dev.switchboard.runtime.messaging.OpenConsumers;
import dev.switchboard.runtime.messaging.Subscription;
import dev.switchboard.runtime.policy.Backoff;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
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
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.listener.MessageListener;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.BackOffExecution;
import org.springframework.util.backoff.FixedBackOff;

/**
 * Kafka through spring-kafka. Each destination is a topic (created with the dead-letter topic
 * when first used: {@value #PARTITIONS} partitions, replicated as the cluster allows); each
 * consumer group is a Kafka consumer group reading from the earliest offset; a command's instances
 * share one group. The producer is idempotent with {@code acks=all}, and a publish completes when
 * the broker acknowledged it. Offsets are committed per record after the handler succeeded.
 * Retries are spring-kafka's {@link DefaultErrorHandler}, backing off as the contract says (none for
 * non-retryable codes), then its {@link DeadLetterPublishingRecoverer} writes the record, with
 * Switchboard's reason headers, to the dead-letter topic: one retry layer, the library's own.
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
        properties.setAckMode(ContainerProperties.AckMode.RECORD);
        properties.setDeliveryAttemptHeader(true);
        properties.setMessageListener((MessageListener<String, byte[]>) record -> deliver(subscription, record));
        ConcurrentMessageListenerContainer<String, byte[]> container = new ConcurrentMessageListenerContainer<>(
                new DefaultKafkaConsumerFactory<>(Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                        ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                        ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class)),
                properties);
        container.setConcurrency(Math.min(subscription.concurrency(), PARTITIONS));
        container.setCommonErrorHandler(errorHandler(subscription));
        container.start();
        return consumers.add(container::stop);
    }

    private void deliver(Subscription subscription, ConsumerRecord<String, byte[]> record) {
        Header attemptHeader = record.headers().lastHeader(KafkaHeaders.DELIVERY_ATTEMPT);
        int attempt = attemptHeader == null ? 1 : ByteBuffer.wrap(attemptHeader.value()).getInt();
        Message message = KafkaCloudEvents.message(record);
        try {
            subscription.handler().handle(message, new MessageHandler.Delivery(attempt,
                    subscription.retry().attempts(), subscription.destination()));
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Exception checked) {
            throw new IllegalStateException(checked);
        }
    }

    /** Retries as the contract says for retryable codes, none for the others, then the dead-letter topic. */
    private DefaultErrorHandler errorHandler(Subscription subscription) {
        DeadLetterPublishingRecoverer recoverer = new DeadLetterPublishingRecoverer(template,
                (record, failure) -> new TopicPartition(subscription.deadLetter(), -1));
        recoverer.setHeadersFunction((record, failure) -> deadLetterHeaders(subscription, failure));
        int retries = subscription.retry().attempts() - 1;
        DefaultErrorHandler handler = new DefaultErrorHandler(recoverer,
                new ContractBackOff(new Backoff(subscription.retry(), () -> ThreadLocalRandom.current().nextDouble()), retries));
        handler.setBackOffFunction((record, failure) ->
                DeadLetters.shouldRetry(cause(failure), 1, subscription.retry().attempts()) ? null : new FixedBackOff(0, 0));
        return handler;
    }

    private static Headers deadLetterHeaders(Subscription subscription, Exception failure) {
        Throwable cause = cause(failure);
        int attempts = DeadLetters.shouldRetry(cause, 1, subscription.retry().attempts()) ? subscription.retry().attempts() : 1;
        RecordHeaders headers = new RecordHeaders();
        DeadLetters.headers(cause, attempts, subscription.destination(), subscription.group()).forEach((name, value) -> KafkaCloudEvents.put(headers, name, value));
        return headers;
    }

    /** The handler's own failure, out of spring-kafka's wrapping. */
    private static Throwable cause(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null && !(cause instanceof SwitchboardException)) {
            cause = cause.getCause();
        }
        return cause;
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

    /** The contract's backoff as spring's {@link BackOff}: {@code retries} waits, then stop. */
    private record ContractBackOff(Backoff backoff, int retries) implements BackOff {
        @Override
        public BackOffExecution start() {
            return new BackOffExecution() {
                private int retry;

                @Override
                public long nextBackOff() {
                    return retry < retries ? backoff.before(++retry).toMillis() : STOP;
                }
            };
        }
    }
}
