package dev.switchboard.contract.model;

import dev.switchboard.contract.Position;

/**
 * An asynchronous message: an event (publish/subscribe, every subscribing service gets a copy) or a
 * command (point-to-point, exactly one consumer instance handles it).
 *
 * @param destination the topic of an event or the queue of a command
 * @param key         payload field used as partitioning/ordering key, or null
 * @param retry       consumer retry policy, or null to use the service policy
 * @param deadLetter  dead-letter destination, or null for {@code <destination>.dlq}
 * @param ordered     whether consumers handle the messages of one key in publish order, one at a time
 * @param batch       how consumers take the messages several at a time, or null for one at a time
 */
public record MessageDefinition(
        Kind kind,
        String name,
        String payload,
        String destination,
        String key,
        RetryPolicy retry,
        String deadLetter,
        boolean ordered,
        BatchPolicy batch,
        String doc,
        Position position) {

    public enum Kind { EVENT, COMMAND }

    /** The dead-letter destination, defaulted as the format documents. */
    public String deadLetterOrDefault() {
        return deadLetter != null ? deadLetter : destination + ".dlq";
    }
}
