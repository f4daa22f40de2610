package dev.switchboard.rabbitmq;

import com.rabbitmq.client.Channel;
import dev.switchboard.runtime.messaging.DeliveryHooks;
import dev.switchboard.runtime.messaging.Message;
import dev.switchboard.runtime.messaging.MessageTransport;
import dev.switchboard.runtime.messaging.OrderedDelivery;
import dev.switchboard.runtime.messaging.Subscription;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.springframework.amqp.rabbit.listener.api.ChannelAwareMessageListener;

/**
 * The listener of an ordered subscription's container, which consumes the subscription's shard queues
 * (each with a single active consumer across the group's instances) on one consumer thread: each
 * delivery goes, in queue order, to {@link OrderedDelivery}, whose workers run one message per key at a
 * time and retry a failure in place. A delivery is acknowledged on its own once its handler finished
 * or it was dead-lettered; nothing is sent to the retry queue, which would put it behind its key's
 * later messages.
 */
final class RabbitOrderedConsumer implements ChannelAwareMessageListener, DeliveryHooks<RabbitConsumer.Delivery>,
        AutoCloseable {

    private final MessageTransport transport;
    private final OrderedDelivery<RabbitConsumer.Delivery> delivery;

    /**
     * @param capacity  deliveries queued and in flight at most: the container's prefetch, so the
     *                  consumer thread never waits for the workers
     * @param transport publishes the dead letters
     */
    RabbitOrderedConsumer(Subscription subscription, int capacity, MessageTransport transport) {
        this.transport = transport;
        this.delivery = new OrderedDelivery<>("switchboard-rabbitmq-ordered-" + subscription.destination(),
                subscription, this, capacity).start();
    }

    @Override
    public void onMessage(org.springframework.amqp.core.Message received, Channel channel) throws Exception {
        delivery.submit(new RabbitConsumer.Delivery(received, channel));
    }

    @Override
    public Message read(RabbitConsumer.Delivery received) {
        return RabbitCloudEvents.message(received.amqp());
    }

    @Override
    public Message salvage(RabbitConsumer.Delivery received) {
        return RabbitCloudEvents.salvage(received.amqp());
    }

    @Override
    public int attempt(RabbitConsumer.Delivery received) {
        return RabbitCloudEvents.attempt(received.amqp());
    }

    /** From a worker thread: the client serialises a channel's frames, and an ack names its own delivery. */
    @Override
    public void acknowledge(RabbitConsumer.Delivery received) throws Exception {
        received.channel().basicAck(received.tag(), false);
    }

    /** Never asked for: an ordered subscription retries in place. */
    @Override
    public void retryLater(RabbitConsumer.Delivery received, Message message, int attempt, Duration delay)
            throws Exception {
        redeliverLater(received, delay);
    }

    /**
     * Only when shutting down mid-retry: requeued, which RabbitMQ puts back at its place in the shard
     * queue, ahead of its key's later messages.
     */
    @Override
    public void redeliverLater(RabbitConsumer.Delivery received, Duration delay) throws Exception {
        received.channel().basicNack(received.tag(), false, true);
    }

    @Override
    public CompletableFuture<Void> publish(String destination, Message message) {
        return transport.publish(destination, message);
    }

    @Override
    public void close() {
        delivery.close();
    }
}
