package dev.switchboard.runtime.messaging;

import java.util.List;

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

    /** The handling of a batch: the ids of the messages to handle, those not finished before. */
    @FunctionalInterface
    interface BatchWork {
        void run(List<String> messageIds) throws Exception;
    }

    /**
     * Runs {@code work} on those of {@code messageIds} that {@code group} has not finished (each id once,
     * in the given order), and records them all as finished only when {@code work} returns: all or none.
     *
     * @return the ids {@code work} ran on; empty when every one was a duplicate, and then it did not run
     * @throws MessageInFlightException when one of them is being handled elsewhere right now (or was
     *         finished by another handler while this one claimed it): none is run; the batch is to be split
     * @throws Exception whatever {@code work} threw; none is recorded
     */
    List<String> processAllOnce(String group, List<String> messageIds, BatchWork work) throws Exception;
}
