package dev.switchboard.nats;

import dev.switchboard.runtime.messaging.DeliveryHooks;
import dev.switchboard.runtime.messaging.Message;
import dev.switchboard.runtime.messaging.MessageTransport;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * How a JetStream delivery reads and settles, for every NATS consumer (shared and ordered): the
 * CloudEvent from the headers, JetStream's own delivery count as the attempt, explicit acks, {@code term}
 * for a dead-lettered message and {@code nak} with the backoff's delay for one to deliver again.
 */
final class JetStreamHooks implements DeliveryHooks<io.nats.client.Message> {

    private final MessageTransport transport;

    /** @param transport publishes the dead letters */
    JetStreamHooks(MessageTransport transport) {
        this.transport = transport;
    }

    @Override
    public Message read(io.nats.client.Message received) {
        return NatsCloudEvents.message(received);
    }

    @Override
    public Message salvage(io.nats.client.Message received) {
        return NatsCloudEvents.salvage(received);
    }

    /** JetStream counts the deliveries of each message to the durable consumer. */
    @Override
    public int attempt(io.nats.client.Message received) {
        return (int) received.metaData().deliveredCount();
    }

    @Override
    public void acknowledge(io.nats.client.Message received) {
        received.ack();
    }

    /** {@code term}: JetStream never delivers a dead-lettered message to this consumer again. */
    @Override
    public void terminate(io.nats.client.Message received) {
        received.term();
    }

    /**
     * JetStream redelivers after the delay and counts the delivery: the one retry layer. (An ordered
     * subscription retries in place and never asks.)
     */
    @Override
    public void retryLater(io.nats.client.Message received, Message message, int attempt, Duration delay) {
        received.nakWithDelay(delay);
    }

    /** For an ordered shard, only when shutting down mid-retry: it is redelivered first, the shard's only one in flight. */
    @Override
    public void redeliverLater(io.nats.client.Message received, Duration delay) {
        received.nakWithDelay(delay);
    }

    @Override
    public CompletableFuture<Void> publish(String destination, Message message) {
        return transport.publish(destination, message);
    }
}
