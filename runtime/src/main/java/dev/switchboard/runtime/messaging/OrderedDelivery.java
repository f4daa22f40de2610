package dev.switchboard.runtime.messaging;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * How a broker consumer of an ordered subscription hands its deliveries to the {@link DeliveryLoop}:
 * the consumer thread {@link #submit}s each delivery in the order the broker gave it, and
 * {@code concurrency} workers run them, one at a time per key ({@link Message#subject()}), keys side
 * by side ({@link KeyOrderedQueue}). The loop retries a failed ordered message in place, so its key
 * waits for it while the others go on; each delivery is settled (acknowledged, dead-lettered) by the
 * worker that ran it, once its handler finished.
 *
 * <p>A delivery whose key cannot be read runs without order: the loop dead-letters it anyway.
 *
 * @param <R> the broker's received delivery
 */
public final class OrderedDelivery<R> implements AutoCloseable {

    private static final Logger log = Logger.getLogger(OrderedDelivery.class.getName());
    /** How long an idle worker waits for work before it looks whether it should stop. */
    private static final Duration POLL = Duration.ofMillis(50);

    private final DeliveryHooks<R> hooks;
    private final DeliveryLoop<R> loop;
    private final KeyOrderedQueue<R> queue;
    private final WorkerThreads workers;

    /**
     * @param name     the workers' thread name prefix
     * @param capacity deliveries queued and in flight at most before {@link #submit} waits; at least what the
     *                 broker may hand over unacknowledged (its prefetch), so its consumer thread rarely waits
     */
    public OrderedDelivery(String name, Subscription subscription, DeliveryHooks<R> hooks, int capacity) {
        this.hooks = hooks;
        this.loop = new DeliveryLoop<>(subscription, hooks);
        this.queue = new KeyOrderedQueue<>(capacity);
        this.workers = new WorkerThreads(name, subscription.concurrency(), this::work);
    }

    public OrderedDelivery<R> start() {
        workers.start();
        return this;
    }

    /** Queues a delivery behind the earlier ones of its key; waits while {@code capacity} are queued. */
    public void submit(R received) throws InterruptedException {
        queue.put(key(received), received);
    }

    private String key(R received) {
        try {
            return hooks.read(received).subject();
        } catch (RuntimeException unreadable) {
            return null;
        }
    }

    private void work(BooleanSupplier running) {
        while (running.getAsBoolean()) {
            KeyOrderedQueue.Entry<R> next;
            try {
                next = queue.take(POLL);
            } catch (InterruptedException e) {
                return;
            }
            if (next == null) {
                continue;
            }
            try {
                loop.deliver(next.item());
            } catch (RuntimeException e) {
                log.log(Level.SEVERE, "an ordered delivery failed outside the delivery loop", e);
            } finally {
                queue.done(next);
            }
        }
    }

    /**
     * Lets the in-flight handlers finish (up to 10 s each), then stops; what is still queued is left
     * unsettled, so the broker delivers it again, in order, to whoever consumes next.
     */
    @Override
    public void close() {
        workers.close();
    }
}
