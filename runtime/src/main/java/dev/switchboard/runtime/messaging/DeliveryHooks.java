package dev.switchboard.runtime.messaging;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * What one broker contributes to the {@link DeliveryLoop}: how its deliveries read and how they
 * are settled. Everything else (which attempt may be retried, how long to wait, what a dead letter
 * carries, what happens when settling fails) is the loop's, the same on every broker.
 *
 * <p>When {@link #retryLater} throws or the dead letter is not confirmed, the loop calls
 * {@link #redeliverLater}, so what nobody finished is delivered again; when an acknowledgement
 * throws, the broker's own redelivery (an acknowledgement timeout, a closed channel) takes over.
 *
 * @param <R> the broker's received delivery (a JetStream message, an AMQP message and its channel, ...)
 */
public interface DeliveryHooks<R> {

    /** The CloudEvent the delivery carries, through the transport's {@link CloudEventsBinding}; throws when it is not one. */
    Message read(R received);

    /** What can be kept of a delivery {@link #read} refused, so it can be dead-lettered rather than lost. */
    Message salvage(R received);

    /** Which delivery of this message this is, 1 for the first (the broker's count where it keeps one). */
    int attempt(R received);

    /** Settles a delivery its handler finished: the broker forgets it. */
    void acknowledge(R received) throws Exception;

    /** Settles a delivery that has been dead-lettered; by default the same as {@link #acknowledge}. */
    default void terminate(R received) throws Exception {
        acknowledge(received);
    }

    /**
     * Has the broker deliver {@code message} again as attempt {@code attempt + 1}, not before
     * {@code delay}, and settles this delivery.
     */
    void retryLater(R received, Message message, int attempt, Duration delay) throws Exception;

    /**
     * Leaves the delivery unsettled, to be delivered again as the same attempt, not before
     * {@code delay}: what happens when nobody could finish it, not even the dead-letter destination.
     */
    void redeliverLater(R received, Duration delay) throws Exception;

    /** Publishes to the dead-letter destination; completes once the broker confirmed it. */
    CompletableFuture<Void> publish(String destination, Message message);
}
