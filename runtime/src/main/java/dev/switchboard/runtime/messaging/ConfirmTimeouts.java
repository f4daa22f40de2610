package dev.switchboard.runtime.messaging;

import java.time.Duration;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;

/**
 * Fails publish attempts the broker did not confirm within the publishing policy's timeout. Every attempt
 * of a message waits the same timeout, so the attempts of one timeout expire in the order they were sent:
 * they wait in one queue per timeout, and a single thread looks at the heads every {@link #TICK}, dropping
 * the confirmed and failing the expired with a {@link TimeoutException}, as {@code orTimeout} does.
 *
 * <p>Why not {@code orTimeout}: it schedules a task on the JDK's one delay heap, under its lock, for every
 * publish, and the confirm takes it out again under the same lock on the thread that completes it; on a
 * publisher at tens of thousands of messages a second that was a tenth of its own time in a profile. Here an
 * attempt costs one lock-free enqueue, and its confirm nothing. The price is that a timeout fires up to a
 * tick late. A timeout cut short by a caller's deadline is not one of the queue's and keeps {@code orTimeout}.
 *
 * <p>An expired attempt is failed on {@code completions}, not on the sweeping thread: what is chained to it (the
 * next attempt, a caller's callback, the outbox relay's next row) may block while the broker is away, and must
 * not hold up every other timeout meanwhile. The sweeping thread parks while nothing waits.
 */
final class ConfirmTimeouts implements AutoCloseable {

    static final Duration TICK = Duration.ofMillis(10);
    private final Map<Duration, Queue<Waiting>> byTimeout = new ConcurrentHashMap<>();
    private final Executor completions;
    private final Thread sweeper;
    /** Set while the sweeper parks with every queue empty: the next attempt wakes it. */
    private volatile boolean idle;

    private record Waiting(CompletableFuture<?> attempt, long deadline) {}

    /** @param completions where expired attempts are failed: threads that may block */
    ConfirmTimeouts(String threadName, Executor completions) {
        this.completions = completions;
        sweeper = new Thread(this::sweep, threadName);
        sweeper.setDaemon(true);
        sweeper.start();
    }

    /** Fails {@code attempt} with a {@link TimeoutException} if it is not complete {@code timeout} from now. */
    <T> CompletableFuture<T> within(CompletableFuture<T> attempt, Duration timeout) {
        if (attempt.isDone()) {
            return attempt;
        }
        byTimeout.computeIfAbsent(timeout, any -> new ConcurrentLinkedQueue<>())
                .add(new Waiting(attempt, System.nanoTime() + timeout.toNanos()));
        if (idle) {
            LockSupport.unpark(sweeper);
        }
        return attempt;
    }

    private void sweep() {
        long tick = TICK.toNanos();
        while (!Thread.currentThread().isInterrupted()) {
            if (nothingWaits()) {
                idle = true;
                // Checked again once idle is visible: an attempt added meanwhile has seen it and unparks.
                if (nothingWaits()) {
                    LockSupport.park(this);
                }
                idle = false;
            }
            LockSupport.parkNanos(this, tick);
            long now = System.nanoTime();
            for (Queue<Waiting> queue : byTimeout.values()) {
                expire(queue, now);
            }
        }
    }

    private boolean nothingWaits() {
        for (Queue<Waiting> queue : byTimeout.values()) {
            if (!queue.isEmpty()) {
                return false;
            }
        }
        return true;
    }

    /** Drops confirmed attempts from the head and fails expired ones, up to the first still within its time. */
    private void expire(Queue<Waiting> queue, long now) {
        for (Waiting head = queue.peek(); head != null; head = queue.peek()) {
            if (head.attempt().isDone()) {
                queue.poll();
            } else if (now - head.deadline() >= 0) {
                queue.poll();
                CompletableFuture<?> expired = head.attempt();
                completions.execute(() -> expired.completeExceptionally(new TimeoutException()));
            } else {
                return;
            }
        }
    }

    /** Stops the thread; attempts still waiting are no longer bounded. */
    @Override
    public void close() {
        sweeper.interrupt();
    }

    /** How many attempts wait, confirmed or not, for tests. */
    int waiting() {
        return byTimeout.values().stream().mapToInt(Queue::size).sum();
    }
}
