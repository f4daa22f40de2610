package dev.switchboard.jdbc.outbox;

import dev.switchboard.runtime.messaging.Message;

/**
 * One unsent row: the message exactly as it was published (its CloudEvent id included, so a resend
 * is a duplicate consumers drop) and where it goes.
 *
 * @param id          the row's place in write order
 * @param destination the topic, subject or exchange the message was published to
 */
public record OutboxRow(long id, String destination, Message message) {

    /** Rows of one key go out in order; a row without a key is ordered with no other. */
    String orderingKey() {
        return message.subject() != null ? "k:" + message.subject() : "id:" + id;
    }
}
