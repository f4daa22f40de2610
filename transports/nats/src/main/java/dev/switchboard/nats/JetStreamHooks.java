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

    /** JetStream counts the deliveries of each message to the durable consumer, in the ack subject. */
    @Override
    public int attempt(io.nats.client.Message received) {
        long delivered = deliveredCount(received.getReplyTo());
        return (int) (delivered > 0 ? delivered : received.metaData().deliveredCount());
    }

    /**
     * The delivery count in a JetStream ack subject, {@code $JS.ACK.<stream>.<consumer>.<delivered>.…} (8 or 9
     * tokens) or {@code $JS.ACK.<domain>.<account>.<stream>.<consumer>.<delivered>.…} (11 or more), the forms
     * jnats' {@code metaData()} reads; -1 for anything else, which {@code metaData()} then rejects. Why not
     * {@code metaData()} every time: it also splits every token into a string and parses the timestamp into a
     * {@code ZonedDateTime}, about a kilobyte of garbage per message for the one number read here.
     */
    static long deliveredCount(String ackSubject) {
        if (ackSubject == null || !ackSubject.startsWith("ACK.", ackSubject.indexOf('.') + 1)) {
            return -1;
        }
        int tokens = 1;
        for (int i = 0; i < ackSubject.length(); i++) {
            if (ackSubject.charAt(i) == '.') {
                tokens++;
            }
        }
        int index = tokens == 8 || tokens == 9 ? 4 : tokens >= 11 ? 6 : -1;
        if (index < 0) {
            return -1;
        }
        int start = 0;
        for (int i = 0; i < index; i++) {
            start = ackSubject.indexOf('.', start) + 1;
        }
        int end = ackSubject.indexOf('.', start);
        long count = 0;
        for (int i = start; i < end; i++) {
            char digit = ackSubject.charAt(i);
            if (digit < '0' || digit > '9' || count > Integer.MAX_VALUE) {
                return -1;
            }
            count = count * 10 + (digit - '0');
        }
        return end > start ? count : -1;
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
