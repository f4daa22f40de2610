package dev.switchboard.runtime.messaging;

/**
 * Which messages a consumer group has already handled, by CloudEvent id: at-least-once delivery
 * means a message may come twice, and an idempotent consumer handles it once. The store decides
 * how strong "once" is: {@link InMemoryProcessedMessages} remembers per instance; a database store
 * (the transactional inbox of {@code switchboard-jdbc}) commits the id with the handler's own work.
 */
public interface ProcessedMessages {

    /** The handling of one message. */
    @FunctionalInterface
    interface Work {
        void run() throws Exception;
    }

    /**
     * Runs {@code work} unless {@code group} already finished {@code messageId}, and records it as
     * finished only when {@code work} returns.
     *
     * @return true when {@code work} ran; false for a duplicate of a finished message, which is
     *         only to be acknowledged
     * @throws MessageInFlightException when another delivery of the message is being handled right
     *         now: neither run it nor acknowledge it, deliver it again later
     * @throws Exception whatever {@code work} threw; the message is not recorded, so a redelivery runs it
     */
    boolean processOnce(String group, String messageId, Work work) throws Exception;
}
