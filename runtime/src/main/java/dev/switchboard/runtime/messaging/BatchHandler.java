package dev.switchboard.runtime.messaging;

import java.util.List;

/**
 * Processes the messages of a {@link Subscription#batch() batch subscription} together: returning
 * acknowledges them all; throwing has the {@link DeliveryLoop} find out which message failed, by
 * handing each half of the batch to this handler again (see {@link DeliveryLoop#deliverAll}). So the
 * handler must leave no effect of a batch it fails (one transaction around its work is the usual way).
 */
@FunctionalInterface
public interface BatchHandler extends MessageHandler {

    /**
     * @param messages in the order the broker delivered them, never empty
     * @param delivery the latest attempt among them
     */
    void handleAll(List<Message> messages, Delivery delivery) throws Exception;

    /** One message is a batch of one. */
    @Override
    default void handle(Message message, Delivery delivery) throws Exception {
        handleAll(List.of(message), delivery);
    }
}
