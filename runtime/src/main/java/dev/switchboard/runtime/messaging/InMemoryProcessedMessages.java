package dev.switchboard.runtime.messaging;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The default store: the most recent finished ids per JVM, bounded so a long-running consumer
 * cannot grow without limit, and the ids being handled right now. At-least-once per instance: the
 * ids are lost with the process (a message whose handler finished just before a crash, but whose
 * acknowledgement did not reach the broker, runs again after the restart), other instances do not
 * see them, and a duplicate arriving after its id was evicted runs again, which is why the bound
 * should cover the broker's redelivery window. The JDBC store of {@code switchboard-jdbc} is the
 * one that survives crashes and is shared.
 *
 * <p>Lock-free: an id is claimed with one {@code putIfAbsent} and settled with one write, so consumer
 * threads never wait for each other here; it was two synchronized sections and a concatenated key per
 * message. The bound may be passed by a few ids while threads finish at the same moment.
 */
public final class InMemoryProcessedMessages implements ProcessedMessages {

    public static final int DEFAULT_CAPACITY = 100_000;
    private static final Boolean RUNNING = Boolean.FALSE;
    private static final Boolean FINISHED = Boolean.TRUE;

    private final int capacity;
    /** Running ids ({@link #RUNNING}, never evicted: a duplicate of a running message waits for its outcome) and finished ones. */
    private final Map<Key, Boolean> states = new ConcurrentHashMap<>();
    /** The finished ids, oldest first, for eviction. */
    private final Queue<Key> finishedInOrder = new ConcurrentLinkedQueue<>();
    private final AtomicInteger finished = new AtomicInteger();

    private record Key(String group, String messageId) {}

    public InMemoryProcessedMessages() {
        this(DEFAULT_CAPACITY);
    }

    public InMemoryProcessedMessages(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1, got " + capacity);
        }
        this.capacity = capacity;
    }

    @Override
    public boolean processOnce(String group, String messageId, Work work) throws Exception {
        Key key = new Key(group, messageId);
        Boolean before = states.putIfAbsent(key, RUNNING);
        if (before != null) {
            if (before) {
                return false;
            }
            throw new MessageInFlightException(group, messageId, null);
        }
        boolean done = false;
        try {
            work.run();
            done = true;
        } finally {
            if (done) {
                finish(key);
            } else {
                states.remove(key, RUNNING);
            }
        }
        return true;
    }

    @Override
    public List<String> processAllOnce(String group, List<String> messageIds, BatchWork work) throws Exception {
        Map<Key, String> claimed = new LinkedHashMap<>();
        for (String messageId : messageIds) {
            Key key = new Key(group, messageId);
            if (claimed.containsKey(key)) {
                continue;
            }
            Boolean before = states.putIfAbsent(key, RUNNING);
            if (before == null) {
                claimed.put(key, messageId);
            } else if (!before) {
                claimed.keySet().forEach(mine -> states.remove(mine, RUNNING));
                throw new MessageInFlightException(group, messageId, null);
            }
        }
        if (claimed.isEmpty()) {
            return List.of();
        }
        List<String> fresh = List.copyOf(claimed.values());
        boolean done = false;
        try {
            work.run(fresh);
            done = true;
        } finally {
            for (Key key : claimed.keySet()) {
                if (done) {
                    finish(key);
                } else {
                    states.remove(key, RUNNING);
                }
            }
        }
        return fresh;
    }

    private void finish(Key key) {
        states.put(key, FINISHED);
        finishedInOrder.add(key);
        if (finished.incrementAndGet() > capacity) {
            Key oldest = finishedInOrder.poll();
            if (oldest != null) {
                states.remove(oldest, FINISHED);
                finished.decrementAndGet();
            }
        }
    }
}
