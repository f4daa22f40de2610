package dev.switchboard.runtime.messaging;

/**
 * Wraps a handler so each CloudEvent id is processed once per consumer group: a duplicate is
 * acknowledged without calling the handler; a failure releases the id so the redelivery runs.
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
        if (!processed.claim(group, message.id())) {
            return;
        }
        try {
            handler.handle(message, delivery);
        } catch (Exception | Error failure) {
            processed.release(group, message.id());
            throw failure;
        }
    }
}
