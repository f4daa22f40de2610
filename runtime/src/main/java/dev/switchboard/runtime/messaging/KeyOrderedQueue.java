package dev.switchboard.runtime.messaging;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The work of an ordered subscription: items in arrival order, handed out so that at most one item
 * of a key is out at a time. An item whose key is out waits in its key's queue and becomes ready when
 * the one before it is {@link #done}; items of other keys, and items without a key, do not wait for
 * it. Several workers (threads, or consumers of one group sharing the queue) can take from it at once.
 *
 * <p>Bounded: {@link #put} waits while {@code capacity} items are queued or out, which holds back the
 * broker's consumer rather than buffering a partition without limit; so the map of waiting keys never
 * holds more than {@code capacity} keys either.
 *
 * @param <T> a delivery
 */
public final class KeyOrderedQueue<T> {

    /** An item and the key it was put with (null: no key, no order). */
    public record Entry<T>(String key, T item) {}

    private final int capacity;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition ready = lock.newCondition();
    private final Condition notFull = lock.newCondition();
    private final ArrayDeque<Entry<T>> readyItems = new ArrayDeque<>();
    /** A key that is out → the items of that key that came after it, in order (often none). */
    private final Map<String, ArrayDeque<Entry<T>>> out = new HashMap<>();
    private int size;

    /** @param capacity items queued and out at most; {@link Integer#MAX_VALUE} for no bound */
    public KeyOrderedQueue(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1, got " + capacity);
        }
        this.capacity = capacity;
    }

    /** Adds an item behind every earlier one of its key; waits while the queue is full. */
    public void put(String key, T item) throws InterruptedException {
        lock.lockInterruptibly();
        try {
            while (size >= capacity) {
                notFull.await();
            }
            size++;
            Entry<T> entry = new Entry<>(key, item);
            if (key == null) {
                readyItems.addLast(entry);
            } else {
                ArrayDeque<Entry<T>> behind = out.get(key);
                if (behind != null) {
                    behind.addLast(entry);
                    return;
                }
                out.put(key, new ArrayDeque<>(2));
                readyItems.addLast(entry);
            }
            ready.signal();
        } finally {
            lock.unlock();
        }
    }

    /** The oldest item whose key is not out, now out; null when none came within {@code wait}. */
    public Entry<T> take(Duration wait) throws InterruptedException {
        long nanos = wait.toNanos();
        lock.lockInterruptibly();
        try {
            while (readyItems.isEmpty()) {
                if (nanos <= 0) {
                    return null;
                }
                nanos = ready.awaitNanos(nanos);
            }
            return readyItems.pollFirst();
        } finally {
            lock.unlock();
        }
    }

    /** The item taken with {@code entry} is finished (settled or given up): the next one of its key is ready. */
    public void done(Entry<T> entry) {
        lock.lock();
        try {
            size--;
            notFull.signal();
            if (entry.key() == null) {
                return;
            }
            ArrayDeque<Entry<T>> behind = out.get(entry.key());
            Entry<T> next = behind == null ? null : behind.pollFirst();
            if (next == null) {
                out.remove(entry.key());
            } else {
                readyItems.addLast(next);
                ready.signal();
            }
        } finally {
            lock.unlock();
        }
    }

    /** Items queued and out. */
    public int size() {
        lock.lock();
        try {
            return size;
        } finally {
            lock.unlock();
        }
    }
}
