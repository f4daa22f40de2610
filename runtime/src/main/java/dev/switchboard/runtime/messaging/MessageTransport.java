package dev.switchboard.runtime.messaging;

import java.util.concurrent.CompletableFuture;

/**
 * What every broker offers Switchboard: publish with confirmation, and subscriptions with
 * acknowledgement after success, bounded retries with backoff and dead-lettering. Implemented by
 * the embedded broker here and by the Kafka, RabbitMQ and NATS transports of the starter.
 */
public interface MessageTransport extends AutoCloseable {

    /** Sends {@code message} to {@code destination}; completes once the broker has it (confirm, ack). */
    CompletableFuture<Void> publish(String destination, Message message);

    /** Starts consuming; closing the returned handle stops it after the in-flight handlers finish. */
    AutoCloseable subscribe(Subscription subscription);

    /** The {@code transport} key of observations: {@code embedded}, {@code kafka}, {@code rabbitmq}, {@code nats}. */
    String name();

    @Override
    void close();
}
