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
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;
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
 * Kafka through spring-kafka, on the application's own clients: Switchboard's producer is a copy of
 * the application's {@link ProducerFactory} and its listener containers use the application's
 * {@link ConsumerFactory} (Spring Boot's, so every {@code spring.kafka.*} setting applies: security
 * protocol, SASL, SSL bundle, client id, the Micrometer listeners), adding only what its guarantees
 * need (see {@link KafkaClients}). Each destination is a topic (created with the dead-letter topic
 * when first used, as {@link KafkaTopics} says, or only checked where topics are created beforehand);
 * each consumer group is a Kafka consumer group reading from the earliest offset unless the
 * application chose otherwise; a command's instances share one group. The producer is idempotent
 * with {@code acks=all}, and a publish completes when the broker acknowledged it; a transactional
 * factory makes each publish a local transaction (see {@link #publish}). Offsets are committed per
 * record after the handler succeeded. Retries are spring-kafka's {@link DefaultErrorHandler}, backing
 * off as the contract says (none for non-retryable codes), then its {@link DeadLetterPublishingRecoverer}
 * writes the record, with Switchboard's reason headers, to the dead-letter topic: one retry layer,
 * the library's own.
 */
public final class KafkaTransport implements MessageTransport {

    private final KafkaTemplate<String, byte[]> template;
    private final ConsumerFactory<String, byte[]> consumerFactory;
    private final Properties consumerOverrides;
    private final KafkaTopicProvisioner topics;
    private final OpenConsumers consumers = new OpenConsumers();

    /**
     * @param producers the application's producer factory (Spring Boot's), copied with Switchboard's settings
     * @param consumers the application's consumer factory (Spring Boot's), used with per-container overrides
     * @param admin the application's admin (Spring Boot's), which creates or checks the topics
     * @param topics how topics are provisioned
     */
    @SuppressWarnings("unchecked")
    public KafkaTransport(ProducerFactory<?, ?> producers, ConsumerFactory<?, ?> consumers, KafkaAdmin admin,
            KafkaTopics topics) {
        this.template = new KafkaTemplate<>(KafkaClients.producers(producers));
        this.consumerFactory = (ConsumerFactory<String, byte[]>) consumers;
        this.consumerOverrides = KafkaClients.consumerOverrides(consumers);
        this.topics = new KafkaTopicProvisioner(admin, topics);
    }

    @Override
    public String name() {
        return "kafka";
    }

    /**
     * Sends the message to its topic. With a transactional producer factory
     * ({@code spring.kafka.producer.transaction-id-prefix}) the send joins Switchboard's transaction
     * in progress on this thread, else runs in a local transaction of its own, committed before the
     * future completes. It never joins a transaction of the application's own producer factory: a
     * Kafka transaction belongs to one producer.
     */
    @Override
    public CompletableFuture<Void> publish(String destination, Message message) {
        try {
            topics.ensure(destination);
            ProducerRecord<String, byte[]> record = new ProducerRecord<>(destination, null, message.subject(),
                    message.payload(), KafkaCloudEvents.headers(message));
            if (template.isTransactional() && !template.inTransaction()) {
                // A transactional producer (spring.kafka.producer.transaction-id-prefix): a local transaction
                // per publish, committed before the future completes; inside Switchboard's own one it joins.
                return template.executeInTransaction(local -> local.send(record)).thenApply(sent -> null);
            }
            return template.send(record).thenApply(sent -> null);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    @Override
    public AutoCloseable subscribe(Subscription subscription) {
        int partitions = topics.ensure(subscription.destination());
        topics.ensure(subscription.deadLetter());
        String groupId = subscription.mode() == Subscription.Mode.POINT_TO_POINT
                ? "switchboard-queue." + subscription.destination() : subscription.group();
        ContainerProperties properties = new ContainerProperties(subscription.destination());
        properties.setGroupId(groupId);
        properties.setAckMode(ContainerProperties.AckMode.RECORD);
        properties.setDeliveryAttemptHeader(true);
        properties.setKafkaConsumerProperties(consumerOverrides);
        properties.setMessageListener((MessageListener<String, byte[]>) record -> deliver(subscription, record));
        ConcurrentMessageListenerContainer<String, byte[]> container =
                new ConcurrentMessageListenerContainer<>(consumerFactory, properties);
        container.setConcurrency(Math.min(subscription.concurrency(), partitions));
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

    /** Stops every listener after its in-flight handlers finish, then Switchboard's producers (not the application's). */
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
