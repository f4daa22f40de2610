package dev.switchboard.runtime.messaging;

/**
 * Wraps a handler so each CloudEvent id is processed once per consumer group, as far as the
 * {@link ProcessedMessages} store can promise: a duplicate of a finished message is acknowledged
 * without calling the handler; a failure leaves the id unrecorded so the redelivery runs; a
 * duplicate of a message still being handled throws {@link MessageInFlightException}, which the
 * {@link DeliveryLoop} answers by delivering it again later, never by acknowledging it.
 */
public final class IdempotentHandler implements MessageHandler {

    private final String group;
    private final ProcessedMessages processed;
    private final MessageHandler handler;

    public IdempotentHandler(String group, ProcessedMessages processed, MessageHandler handler) {
        this.group = group;
        this.processed = processed;
        this.handler = handler;
    }

    @Override
    public void handle(Message message, Delivery delivery) throws Exception {
        processed.processOnce(group, message.id(), () -> handler.handle(message, delivery));
    }
}
