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

    /**
     * Creates what a destination needs before anything is published to it, where the broker drops
     * messages nobody can receive yet (a RabbitMQ command queue). Publishers call it once per
     * destination; most brokers need nothing.
     */
    default void declare(String destination, Subscription.Mode mode) {}

    /**
     * {@link #declare(String, Subscription.Mode)} for a destination whose messages are ordered per key
     * ({@link MessageDescriptor#ordered()}): brokers that shard such destinations by key (RabbitMQ, NATS)
     * learn here that this publisher must route its messages to the shards.
     */
    default void declare(String destination, Subscription.Mode mode, boolean ordered) {
        declare(destination, mode);
    }

    /**
     * Whether a publish here waits for a broker's confirm, so the publisher puts the contract's
     * timeout and retries around it. False for a transport settled by something else: the
     * transactional outbox completes a publish when the writing transaction commits, and its relay
     * retries the broker on its own; a timeout there would fail a publish whose row then commits.
     */
    default boolean confirmsByBroker() {
        return true;
    }

    /** Starts consuming; closing the returned handle stops it after the in-flight handlers finish. */
    AutoCloseable subscribe(Subscription subscription);

    /** The {@code transport} key of observations: {@code embedded}, {@code kafka}, {@code rabbitmq}, {@code nats}. */
    String name();

    @Override
    void close();
}
