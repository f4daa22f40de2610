package dev.switchboard.rabbitmq;

import dev.switchboard.runtime.messaging.DeadLetters;
import dev.switchboard.runtime.messaging.Message;
import dev.switchboard.runtime.messaging.MessageHandler;
import dev.switchboard.runtime.messaging.MessageTransport;
import dev.switchboard.runtime.messaging.OpenConsumers;
import dev.switchboard.runtime.messaging.Subscription;
import dev.switchboard.runtime.policy.Backoff;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
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
import org.springframework.amqp.rabbit.listener.api.ChannelAwareMessageListener;
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
 */
public final class RabbitTransport implements MessageTransport {

    private static final long CONFIRM_SECONDS = 10;

    private final ConnectionFactory connections;
    private final RabbitAdmin admin;
    private final RabbitTemplate template;
    private final Set<String> exchanges = ConcurrentHashMap.newKeySet();
    private final OpenConsumers consumers = new OpenConsumers();

    /**
     * @param template publishes; its connection factory (with correlated publisher confirms, so each
     *     publish can wait for its own confirm) also declares the topology and feeds the listeners
     */
    public RabbitTransport(RabbitTemplate template) {
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
        exchange(destination);
        if (mode == Subscription.Mode.POINT_TO_POINT) {
            queue(destination, destination);
        }
    }

    @Override
    public CompletableFuture<Void> publish(String destination, Message message) {
        try {
            exchange(destination);
            return send(destination, destination, RabbitCloudEvents.amqp(message, 1));
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    private CompletableFuture<Void> send(String exchange, String routingKey, org.springframework.amqp.core.Message amqp) {
        CorrelationData correlation = new CorrelationData(amqp.getMessageProperties().getMessageId());
        template.send(exchange, routingKey, amqp, correlation);
        return correlation.getFuture().thenCompose(confirm -> confirm.ack()
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
        queue(queue, destination);
        // The retry queue holds a message for its backoff, then dead-letters it back to the queue.
        admin.declareQueue(QueueBuilder.durable(queue + ".retry")
                .deadLetterExchange("")
                .deadLetterRoutingKey(queue)
                .build());
        exchange(subscription.deadLetter());
        queue(subscription.deadLetter(), subscription.deadLetter());

        Backoff backoff = new Backoff(subscription.retry(), () -> ThreadLocalRandom.current().nextDouble());
        SimpleMessageListenerContainer container = new SimpleMessageListenerContainer(connections);
        container.setQueueNames(queue);
        container.setAcknowledgeMode(AcknowledgeMode.MANUAL);
        container.setConcurrentConsumers(subscription.concurrency());
        container.setPrefetchCount(10);
        container.setMessageListener((ChannelAwareMessageListener) (received, channel) -> {
            long tag = received.getMessageProperties().getDeliveryTag();
            deliver(subscription, queue, backoff, received);
            channel.basicAck(tag, false);
        });
        container.afterPropertiesSet();
        container.start();
        return consumers.add(container::stop);
    }

    /** Handles one delivery; returns once it was handled, parked for a retry or dead-lettered, so it can be acknowledged. */
    private void deliver(Subscription subscription, String queue, Backoff backoff,
            org.springframework.amqp.core.Message received) throws Exception {
        int attempt = RabbitCloudEvents.attempt(received);
        int maxAttempts = subscription.retry().attempts();
        Message message;
        try {
            message = RabbitCloudEvents.message(received);
        } catch (RuntimeException unreadable) {
            deadLetter(subscription, RabbitCloudEvents.raw(received), unreadable, attempt);
            return;
        }
        try {
            subscription.handler().handle(message, new MessageHandler.Delivery(attempt, maxAttempts,
                    subscription.destination()));
        } catch (Exception failure) {
            if (DeadLetters.shouldRetry(failure, attempt, maxAttempts)) {
                org.springframework.amqp.core.Message again = RabbitCloudEvents.amqp(message, attempt + 1);
                again.getMessageProperties().setExpiration(Long.toString(backoff.before(attempt).toMillis()));
                send("", queue + ".retry", again).get(CONFIRM_SECONDS, TimeUnit.SECONDS);
            } else {
                deadLetter(subscription, message, failure, attempt);
            }
        }
    }

    private void deadLetter(Subscription subscription, Message message, Throwable failure, int attempt) throws Exception {
        Message dead = DeadLetters.deadLetter(message, failure, attempt, subscription.destination(), subscription.group());
        send(subscription.deadLetter(), subscription.deadLetter(), RabbitCloudEvents.amqp(dead, 1))
                .get(CONFIRM_SECONDS, TimeUnit.SECONDS);
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
        if (connections instanceof DisposableBean disposable) {
            try {
                disposable.destroy();
            } catch (Exception e) {
                throw new IllegalStateException("cannot close the RabbitMQ connections", e);
            }
        }
    }
}
