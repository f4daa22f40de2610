package dev.switchboard.rabbitmq;

import dev.switchboard.runtime.messaging.Message;
import dev.switchboard.runtime.messaging.MessageTransport;
import dev.switchboard.runtime.messaging.OpenConsumers;
import dev.switchboard.runtime.messaging.PublishCompletions;
import dev.switchboard.runtime.messaging.Subscription;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.amqp.core.AcknowledgeMode;
import org.springframework.amqp.core.Binding;
import org.springframework.amqp.core.BindingBuilder;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.core.QueueBuilder;
import org.springframework.amqp.core.TopicExchange;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.amqp.rabbit.connection.CorrelationData;
import org.springframework.amqp.rabbit.core.RabbitAdmin;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.amqp.rabbit.listener.SimpleMessageListenerContainer;
import org.springframework.amqp.rabbit.listener.api.ChannelAwareBatchMessageListener;
import org.springframework.beans.factory.DisposableBean;

/**
 * RabbitMQ through spring-amqp. Each destination is a durable topic exchange; each consumer group
 * of an event has its own durable queue bound to it, a command has one queue (named like its
 * destination) that its instances share. Listener containers acknowledge manually, after the
 * handler succeeded. A retryable failure goes to the queue's retry queue with a per-message TTL of
 * the backoff, and RabbitMQ's dead-lettering returns it to the queue when the TTL runs out: the
 * one retry layer, with no consumer thread held and no hot requeue loop. A final or non-retryable
 * failure is published, with its reason, to the dead-letter exchange, whose durable queue keeps
 * it. Every publish waits for the broker's confirm, so the template's connection factory must have
 * correlated publisher confirms: a factory of its own, since confirms change every channel of a
 * factory (the Spring Boot starter builds it from all of {@code spring.rabbitmq.*}).
 *
 * <p>Ordered subscriptions consume shard queues instead of one queue ({@link RabbitShards}): one active
 * consumer per shard, one message per key at a time, a failure retried in place.
 */
public final class RabbitTransport implements MessageTransport {

    /** Shard queues per ordered consumer group unless configured. */
    public static final int DEFAULT_ORDERED_SHARDS = 4;
    /** Unacknowledged deliveries per shard queue an ordered consumer takes ahead. */
    static final int ORDERED_PREFETCH = 50;

    private final ConnectionFactory connections;
    private final RabbitAdmin admin;
    private final RabbitTemplate template;
    private final int orderedShards;
    private final Set<String> exchanges = ConcurrentHashMap.newKeySet();
    private final OpenConsumers consumers = new OpenConsumers();
    private final PublishCompletions completions = new PublishCompletions("switchboard-rabbitmq-confirms");

    /**
     * @param template publishes; its connection factory (with correlated publisher confirms, so each
     *     publish can wait for its own confirm) also declares the topology and feeds the listeners
     */
    public RabbitTransport(RabbitTemplate template) {
        this(template, DEFAULT_ORDERED_SHARDS);
    }

    /**
     * @param orderedShards shard queues of each ordered consumer group (and of ordered commands): how many
     *     instances can share an ordered subscription's work; changing it is a redeploy of every consumer
     *     (see {@link RabbitShards})
     */
    public RabbitTransport(RabbitTemplate template, int orderedShards) {
        if (orderedShards < 1 || orderedShards > RabbitShards.SLOTS) {
            throw new IllegalArgumentException("ordered shards must be between 1 and " + RabbitShards.SLOTS
                    + ", got " + orderedShards);
        }
        this.orderedShards = orderedShards;
        this.connections = template.getConnectionFactory();
        if (!connections.isPublisherConfirms()) {
            throw new IllegalArgumentException("Switchboard waits for RabbitMQ's confirm of each publish: its connection "
                    + "factory needs correlated publisher confirms (CachingConnectionFactory.ConfirmType.CORRELATED)");
        }
        this.admin = new RabbitAdmin(connections);
        this.template = template;
    }

    @Override
    public String name() {
        return "rabbitmq";
    }

    @Override
    public void declare(String destination, Subscription.Mode mode) {
        declare(destination, mode, false);
    }

    /** An ordered command's instances share its shard queues, declared here so nothing published is dropped. */
    @Override
    public void declare(String destination, Subscription.Mode mode, boolean ordered) {
        exchange(destination);
        if (mode == Subscription.Mode.POINT_TO_POINT) {
            if (ordered) {
                RabbitShards.declare(admin, destination, destination, orderedShards);
            } else {
                queue(destination, destination);
            }
        }
    }

    @Override
    public CompletableFuture<Void> publish(String destination, Message message) {
        try {
            exchange(destination);
            return send(destination, RabbitShards.routingKey(destination, message.subject()),
                    RabbitCloudEvents.amqp(message, 1));
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    private CompletableFuture<Void> send(String exchange, String routingKey, org.springframework.amqp.core.Message amqp) {
        CorrelationData correlation = new CorrelationData(amqp.getMessageProperties().getMessageId());
        template.send(exchange, routingKey, amqp, correlation);
        return completions.handOff(correlation.getFuture()).thenCompose(confirm -> confirm.ack()
                ? CompletableFuture.<Void>completedFuture(null)
                : CompletableFuture.<Void>failedFuture(new IllegalStateException(
                        "RabbitMQ refused the message for " + exchange + ": " + confirm.reason())));
    }

    @Override
    public AutoCloseable subscribe(Subscription subscription) {
        String destination = subscription.destination();
        String queue = subscription.mode() == Subscription.Mode.POINT_TO_POINT
                ? destination : destination + "." + subscription.group();
        exchange(destination);
        if (subscription.ordered()) {
            return subscribeInOrder(subscription, queue);
        }
        queue(queue, destination);
        // The retry queue holds a message for its backoff, then dead-letters it back to the queue.
        admin.declareQueue(QueueBuilder.durable(queue + ".retry")
                .deadLetterExchange("")
                .deadLetterRoutingKey(queue)
                .build());
        exchange(subscription.deadLetter());
        queue(subscription.deadLetter(), subscription.deadLetter());

        SimpleMessageListenerContainer container = new SimpleMessageListenerContainer(connections);
        container.setQueueNames(queue);
        container.setAcknowledgeMode(AcknowledgeMode.MANUAL);
        container.setConcurrentConsumers(subscription.concurrency());
        RabbitConsumer consumer = new RabbitConsumer(subscription, queue, this::send, this);
        Subscription.Batch batch = subscription.batch();
        if (batch == null) {
            container.setPrefetchCount(10);
            container.setMessageListener(consumer);
        } else {
            // The container gathers a batch from its prefetch: up to the max, until no message comes for the wait.
            container.setPrefetchCount(batch.max());
            container.setConsumerBatchEnabled(true);
            container.setBatchSize(batch.max());
            container.setReceiveTimeout(batch.maxWait().toMillis());
            container.setMessageListener((ChannelAwareBatchMessageListener) consumer::deliverAll);
        }
        container.afterPropertiesSet();
        container.start();
        return consumers.add(container::stop);
    }

    /**
     * One container on the group's shard queues with a single consumer thread (RabbitMQ makes one
     * instance the active consumer of each shard), feeding {@link RabbitOrderedConsumer}'s workers.
     */
    private AutoCloseable subscribeInOrder(Subscription subscription, String queue) {
        List<String> shards = RabbitShards.declare(admin, subscription.destination(), queue, orderedShards);
        exchange(subscription.deadLetter());
        queue(subscription.deadLetter(), subscription.deadLetter());
        RabbitOrderedConsumer consumer = new RabbitOrderedConsumer(subscription,
                ORDERED_PREFETCH * orderedShards, this);
        SimpleMessageListenerContainer container = new SimpleMessageListenerContainer(connections);
        container.setQueueNames(shards.toArray(String[]::new));
        container.setAcknowledgeMode(AcknowledgeMode.MANUAL);
        container.setConcurrentConsumers(1);
        container.setPrefetchCount(ORDERED_PREFETCH);
        container.setMessageListener(consumer);
        container.afterPropertiesSet();
        container.start();
        // The workers first: the handlers in flight finish and are acknowledged while the channel is open,
        // and nothing queued starts after them (the queue holds a whole prefetch, so the container never
        // waits for it). Stopping the container then puts every unacknowledged delivery back at its place
        // in its shard queue, for whichever instance consumes the shard next.
        return consumers.add(() -> {
            consumer.close();
            container.stop();
        });
    }

    private void exchange(String name) {
        if (exchanges.add(name)) {
            admin.declareExchange(new TopicExchange(name, true, false));
        }
    }

    private void queue(String name, String exchange) {
        Queue queue = QueueBuilder.durable(name).build();
        admin.declareQueue(queue);
        Binding binding = BindingBuilder.bind(queue).to(new TopicExchange(exchange, true, false)).with("#");
        admin.declareBinding(binding);
    }

    /** Stops every listener after its in-flight handlers finish, then the connections. */
    @Override
    public void close() {
        consumers.closeAll();
        completions.close();
        if (connections instanceof DisposableBean disposable) {
            try {
                disposable.destroy();
            } catch (Exception e) {
                throw new IllegalStateException("cannot close the RabbitMQ connections", e);
            }
        }
    }
}
