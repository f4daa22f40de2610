package dev.switchboard.runtime.messaging;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The batch form of {@link IdempotentHandler}: the batch's CloudEvent ids are claimed together
 * ({@link ProcessedMessages#processAllOnce}), the handler gets the messages not finished before (each
 * id once), and all are recorded when it returns; a batch of duplicates only is acknowledged without
 * calling it.
 */
public final class IdempotentBatchHandler implements BatchHandler {

    private final String group;
    private final ProcessedMessages processed;
    private final BatchHandler handler;

    public IdempotentBatchHandler(String group, ProcessedMessages processed, BatchHandler handler) {
        this.group = group;
        this.processed = processed;
        this.handler = handler;
    }

    @Override
    public void handleAll(List<Message> messages, Delivery delivery) throws Exception {
        processed.processAllOnce(group, messages.stream().map(Message::id).toList(),
                fresh -> handler.handleAll(firstOf(messages, fresh), delivery));
    }

    /** The first message of each id in {@code ids}, in the batch's order. */
    private static List<Message> firstOf(List<Message> messages, List<String> ids) {
        Set<String> wanted = new HashSet<>(ids);
        return messages.stream().filter(message -> wanted.remove(message.id())).toList();
    }
}
