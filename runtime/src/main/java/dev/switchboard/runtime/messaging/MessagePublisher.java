package dev.switchboard.runtime.messaging;

import dev.switchboard.runtime.messaging.MessageDescriptor;
import java.util.concurrent.CompletableFuture;

/**
 * What generated {@code <Service>Events} and {@code <Service>Commands} delegate to: the payload as
 * a CloudEvent (binary content mode, JSON body), trace context in its headers, a producer
 * observation, and the configured broker's confirmation.
 */
public interface MessagePublisher {

    /**
     * Publishes {@code payload}; the future completes once the broker confirmed it (publisher
     * confirm, JetStream ack, Kafka {@code acks=all}) and fails with the broker's reason otherwise.
     *
     * @param key the partitioning key (CloudEvent subject), or null
     */
    CompletableFuture<Void> publish(MessageDescriptor message, Object payload, String key);
}
