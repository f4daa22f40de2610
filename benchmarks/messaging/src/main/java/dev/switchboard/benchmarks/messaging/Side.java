package dev.switchboard.benchmarks.messaging;

import java.util.concurrent.CompletableFuture;

/** One way of publishing and consuming the benchmark's event, started once and reused by every round. */
public interface Side extends AutoCloseable {

    /** Publishes one event stamped with {@code sentAtNanos}; completes when the broker confirmed it. */
    CompletableFuture<?> publish(long sequence, long sentAtNanos);

    @Override
    void close() throws Exception;
}
