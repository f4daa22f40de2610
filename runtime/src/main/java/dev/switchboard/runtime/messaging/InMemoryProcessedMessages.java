package dev.switchboard.runtime.messaging;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The default deduplication store: the most recent ids per JVM, bounded so a long-running
 * consumer cannot grow without limit. A duplicate arriving after its id was evicted is processed
 * again, which is why the bound should cover the broker's redelivery window.
 */
public final class InMemoryProcessedMessages implements ProcessedMessages {

    public static final int DEFAULT_CAPACITY = 100_000;

    private final Map<String, Boolean> seen;

    public InMemoryProcessedMessages() {
        this(DEFAULT_CAPACITY);
    }

    public InMemoryProcessedMessages(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1, got " + capacity);
        }
        this.seen = new LinkedHashMap<>(16, 0.75f, false) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                return size() > capacity;
            }
        };
    }

    @Override
    public synchronized boolean claim(String group, String messageId) {
        return seen.putIfAbsent(key(group, messageId), Boolean.TRUE) == null;
    }

    @Override
    public synchronized void release(String group, String messageId) {
        seen.remove(key(group, messageId));
    }

    private static String key(String group, String messageId) {
        return group + '\u0000' + messageId;
    }
}
