package dev.switchboard.runtime.messaging;

/**
 * Which messages a consumer group has already handled, by CloudEvent id: at-least-once delivery
 * means a message may come twice, and an idempotent consumer drops the second one. In memory by
 * default; a shared store (a database table) when several instances of a group share the work.
 */
public interface ProcessedMessages {

    /**
     * Marks {@code messageId} as taken by {@code group}; false when it already was, so the
     * delivery is a duplicate and must only be acknowledged.
     */
    boolean claim(String group, String messageId);

    /** Forgets a claim whose handler failed, so a redelivery is processed again. */
    void release(String group, String messageId);
}
