package dev.switchboard.rabbitmq;

import com.rabbitmq.client.Channel;
import dev.switchboard.runtime.messaging.DeliveryHooks;
import dev.switchboard.runtime.messaging.DeliveryLoop;
import dev.switchboard.runtime.messaging.Message;
import dev.switchboard.runtime.messaging.MessageTransport;
import dev.switchboard.runtime.messaging.Subscription;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.springframework.amqp.rabbit.listener.api.ChannelAwareMessageListener;

/**
 * The listener of one subscription's container: every delivery goes through the {@link DeliveryLoop},
 * with manual acknowledgements as its hooks. Each settlement that moves the message elsewhere (to the
 * retry queue, to the dead-letter exchange) waits for the broker's confirm before the delivery is
 * acknowledged, so a message is never gone from both places.
 */
final class RabbitConsumer implements ChannelAwareMessageListener, DeliveryHooks<RabbitConsumer.Delivery> {

    private static final Duration CONFIRM_TIMEOUT = Duration.ofSeconds(10);

    /** The transport's confirmed send to an exchange with a routing key. */
    @FunctionalInterface
    interface Sender {
        CompletableFuture<Void> send(String exchange, String routingKey, org.springframework.amqp.core.Message amqp);
    }

    /** One delivery: the message and the channel it must be acknowledged on. */
    record Delivery(org.springframework.amqp.core.Message amqp, Channel channel) {
        long tag() {
            return amqp.getMessageProperties().getDeliveryTag();
        }
    }

    private final String retryQueue;
    private final Sender sender;
    private final MessageTransport transport;
    private final DeliveryLoop<Delivery> loop;

    /**
     * @param queue     the subscription's queue; its retry queue is {@code <queue>.retry}
     * @param transport publishes the dead letters
     */
    RabbitConsumer(Subscription subscription, String queue, Sender sender, MessageTransport transport) {
        this.retryQueue = queue + ".retry";
        this.sender = sender;
        this.transport = transport;
        this.loop = new DeliveryLoop<>(subscription, this);
    }

    @Override
    public void onMessage(org.springframework.amqp.core.Message received, Channel channel) {
        loop.deliver(new Delivery(received, channel));
    }

    /** A batch subscription's deliveries, gathered by the container, handled together. */
    void deliverAll(List<org.springframework.amqp.core.Message> received, Channel channel) {
        loop.deliverAll(received.stream().map(amqp -> new Delivery(amqp, channel)).toList());
    }

    @Override
    public Message read(Delivery received) {
        return RabbitCloudEvents.message(received.amqp());
    }

    @Override
    public Message salvage(Delivery received) {
        return RabbitCloudEvents.salvage(received.amqp());
    }

    /** RabbitMQ counts no deliveries: the attempt travels in a header of the message itself. */
    @Override
    public int attempt(Delivery received) {
        return RabbitCloudEvents.attempt(received.amqp());
    }

    @Override
    public void acknowledge(Delivery received) throws Exception {
        received.channel().basicAck(received.tag(), false);
    }

    /**
     * To the retry queue with a per-message TTL of the delay; RabbitMQ dead-letters it back to the
     * queue when the TTL runs out: the one retry layer, holding no consumer thread.
     */
    @Override
    public void retryLater(Delivery received, Message message, int attempt, Duration delay) throws Exception {
        org.springframework.amqp.core.Message again = RabbitCloudEvents.amqp(message, attempt + 1);
        again.getMessageProperties().setExpiration(Long.toString(delay.toMillis()));
        sender.send("", retryQueue, again).get(CONFIRM_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        acknowledge(received);
    }

    /**
     * Requeued after the delay. The wait holds this consumer thread, which is what keeps a broker that
     * refuses every publish from being asked again in a hot loop; it happens only when settling failed.
     */
    @Override
    public void redeliverLater(Delivery received, Duration delay) throws Exception {
        try {
            Thread.sleep(delay.toMillis());
        } finally {
            received.channel().basicNack(received.tag(), false, true);
        }
    }

    @Override
    public CompletableFuture<Void> publish(String destination, Message message) {
        return transport.publish(destination, message);
    }
}
