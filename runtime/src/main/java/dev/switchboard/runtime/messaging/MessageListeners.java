package dev.switchboard.runtime.messaging;

import java.util.List;
import java.util.function.Consumer;

/**
 * What generated listener registrations delegate to: a subscription on the configured broker
 * under the consuming service's group, with the contract's retries and dead-letter destination,
 * duplicates dropped by CloudEvent id, payloads read and validated, and a consumer observation
 * continuing the publisher's trace.
 */
public interface MessageListeners {

    /** Starts delivering {@code message} to {@code handler}; closing the result stops after in-flight handlers finish. */
    <T> AutoCloseable listen(MessageDescriptor message, Class<T> payloadType, Consumer<T> handler);

    /**
     * Starts delivering {@code message}, a {@link MessageDescriptor#batch() batched} one, to {@code handler}
     * several payloads at a time, in the broker's order, duplicates left out; the handler returning
     * acknowledges them all, and a failure is split down to the message that causes it.
     */
    <T> AutoCloseable listenAll(MessageDescriptor message, Class<T> payloadType, Consumer<List<T>> handler);
}
