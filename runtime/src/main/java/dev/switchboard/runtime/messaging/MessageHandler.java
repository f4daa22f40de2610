package dev.switchboard.runtime.messaging;

/**
 * Processes one delivered message. Returning acknowledges it; throwing a
 * {@code SwitchboardException} with a retryable code asks for redelivery with backoff, any other
 * failure sends it to the dead-letter destination at once.
 */
@FunctionalInterface
public interface MessageHandler {

    void handle(Message message, Delivery delivery) throws Exception;

    /** Where a delivery stands: which attempt (1 for the first) of how many. */
    record Delivery(int attempt, int maxAttempts, String destination) {}
}
