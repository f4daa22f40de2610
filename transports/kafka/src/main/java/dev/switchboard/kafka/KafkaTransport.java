package dev.switchboard.kafka;

import dev.switchboard.runtime.messaging.Message;
import dev.switchboard.runtime.messaging.MessageTransport;
import dev.switchboard.runtime.messaging.OpenConsumers;
import dev.switchboard.runtime.messaging.PublishCompletions;
import dev.switchboard.runtime.messaging.Subscription;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.listener.ContainerProperties;

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
 * factory makes each publish a local transaction (see {@link #publish}). Records go through the
 * runtime's {@code DeliveryLoop} ({@link KafkaSubscriptionListener}): a record is acknowledged after
 * the handler succeeded or it was dead-lettered, and the acknowledged offsets are committed together
 * once the records of a poll are done (before a retry, and when partitions are revoked); a retry is
 * the container's own seek back and pause for the contract's backoff, which keeps the partition's
 * order. A process killed between a handler and that commit gets the records again, as it would
 * between a handler and a per-record commit: the idempotent consumer (the inbox) makes them no-ops.
 *
 * <p>An ordered subscription ({@link KafkaOrderedListener}) relies on the record key (the message's
 * subject) choosing the partition and on a partition having one consumer in the group; within an
 * instance its records run one per key at a time on the subscription's workers, and offsets are
 * committed only over records that all finished.
 */
public final class KafkaTransport implements MessageTransport {

    /** Records an ordered subscription's workers hold at most, queued and in flight, before its consumers wait. */
    static final int ORDERED_CAPACITY = 1_000;

    private final KafkaTemplate<String, byte[]> template;
    private final ConsumerFactory<String, byte[]> consumerFactory;
    private final Properties consumerOverrides;
    private final KafkaTopicProvisioner topics;
    private final OpenConsumers consumers = new OpenConsumers();
    private final PublishCompletions completions = new PublishCompletions("switchboard-kafka-acks");
    private final ExecutorService provisioning = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "switchboard-kafka-topics");
        thread.setDaemon(true);
        return thread;
    });

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
     *
     * <p>The first publish to a topic checks or creates it, which waits for the cluster (as long as
     * the admin's operation timeout while Kafka is away); that runs on a provisioning thread, so the
     * publishing thread blocks at most the producer's {@code max.block.ms}.
     */
    @Override
    public CompletableFuture<Void> publish(String destination, Message message) {
        if (topics.isProvisioned(destination)) {
            return send(destination, message);
        }
        return CompletableFuture.runAsync(() -> topics.ensure(destination), provisioning)
                .thenCompose(provisioned -> send(destination, message));
    }

    private CompletableFuture<Void> send(String destination, Message message) {
        try {
            ProducerRecord<String, byte[]> record = new ProducerRecord<>(destination, null, message.subject(),
                    message.payload(), KafkaCloudEvents.headers(message));
            if (template.isTransactional() && !template.inTransaction()) {
                // A transactional producer (spring.kafka.producer.transaction-id-prefix): a local transaction
                // per publish, committed before the future completes; inside Switchboard's own one it joins.
                return completions.handOff(template.executeInTransaction(local -> local.send(record)))
                        .thenApply(sent -> null);
            }
            return completions.handOff(template.send(record)).thenApply(sent -> null);
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
        // Ordered workers acknowledge from their own threads, each commit covering a finished run; the plain
        // listener acknowledges on the consumer thread, and its offsets are committed once per poll's records.
        properties.setAckMode(subscription.ordered()
                ? ContainerProperties.AckMode.MANUAL_IMMEDIATE : ContainerProperties.AckMode.MANUAL);
        properties.setPollTimeout(KafkaSubscriptionListener.POLL_TIMEOUT.toMillis());
        properties.setKafkaConsumerProperties(consumerOverrides);
        KafkaOrderedListener ordered = null;
        if (subscription.batch() != null) {
            // One poll is one batch; the poll returns what the broker has rather than waiting to fill it.
            Properties batched = new Properties();
            batched.putAll(consumerOverrides);
            batched.setProperty(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, String.valueOf(subscription.batch().max()));
            properties.setKafkaConsumerProperties(batched);
            properties.setMessageListener(new KafkaBatchListener(subscription, this));
        } else if (subscription.ordered()) {
            ordered = new KafkaOrderedListener(subscription, this, ORDERED_CAPACITY);
            properties.setMessageListener(ordered);
            properties.setConsumerRebalanceListener(ordered);
        } else {
            properties.setMessageListener(new KafkaSubscriptionListener(subscription, this));
        }
        ConcurrentMessageListenerContainer<String, byte[]> container =
                new ConcurrentMessageListenerContainer<>(consumerFactory, properties);
        container.setConcurrency(Math.min(subscription.concurrency(), partitions));
        container.start();
        if (ordered == null) {
            return consumers.add(container::stop);
        }
        KafkaOrderedListener workers = ordered;
        // Stopping revokes the partitions, which waits for the records in flight and commits them.
        return consumers.add(() -> {
            container.stop();
            workers.close();
        });
    }

    /** Stops every listener after its in-flight handlers finish, then Switchboard's producers (not the application's). */
    @Override
    public void close() {
        consumers.closeAll();
        provisioning.shutdownNow();
        completions.close();
        template.getProducerFactory().reset();
    }
}
