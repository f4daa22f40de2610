package dev.switchboard.runtime.messaging;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The default store: the most recent finished ids per JVM, bounded so a long-running consumer
 * cannot grow without limit, and the ids being handled right now. At-least-once per instance: the
 * ids are lost with the process (a message whose handler finished just before a crash, but whose
 * acknowledgement did not reach the broker, runs again after the restart), other instances do not
 * see them, and a duplicate arriving after its id was evicted runs again, which is why the bound
 * should cover the broker's redelivery window. The JDBC store of {@code switchboard-jdbc} is the
 * one that survives crashes and is shared.
 */
public final class InMemoryProcessedMessages implements ProcessedMessages {

    public static final int DEFAULT_CAPACITY = 100_000;

    private final Map<String, Boolean> finished;
    /** Never evicted: a duplicate of a running message must wait for its outcome, whatever the bound. */
    private final Set<String> running = new HashSet<>();

    public InMemoryProcessedMessages() {
        this(DEFAULT_CAPACITY);
    }

    public InMemoryProcessedMessages(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1, got " + capacity);
        }
        this.finished = new LinkedHashMap<>(16, 0.75f, false) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                return size() > capacity;
            }
        };
    }

    @Override
    public boolean processOnce(String group, String messageId, Work work) throws Exception {
        String key = key(group, messageId);
        synchronized (this) {
            if (finished.containsKey(key)) {
                return false;
            }
            if (!running.add(key)) {
                throw new MessageInFlightException(group, messageId, null);
            }
        }
        boolean done = false;
        try {
            work.run();
            done = true;
        } finally {
            synchronized (this) {
                running.remove(key);
                if (done) {
                    finished.put(key, Boolean.TRUE);
                }
            }
        }
        return true;
    }

    @Override
    public List<String> processAllOnce(String group, List<String> messageIds, BatchWork work) throws Exception {
        Map<String, String> fresh = new LinkedHashMap<>();
        synchronized (this) {
            for (String messageId : messageIds) {
                String key = key(group, messageId);
                if (finished.containsKey(key) || fresh.containsKey(key)) {
                    continue;
                }
                if (running.contains(key)) {
                    throw new MessageInFlightException(group, messageId, null);
                }
                fresh.put(key, messageId);
            }
            if (fresh.isEmpty()) {
                return List.of();
            }
            running.addAll(fresh.keySet());
        }
        boolean done = false;
        try {
            work.run(List.copyOf(fresh.values()));
            done = true;
        } finally {
            synchronized (this) {
                running.removeAll(fresh.keySet());
                if (done) {
                    fresh.keySet().forEach(key -> finished.put(key, Boolean.TRUE));
                }
            }
        }
        return List.copyOf(fresh.values());
    }

    private static String key(String group, String messageId) {
        return group + '\u0000' + messageId;
    }
}
