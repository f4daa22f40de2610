package dev.switchboard.runtime.messaging;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinWorkerThread;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Hands a broker client's publish futures over to threads of Switchboard's before anything waits on
 * them. The clients complete them on their I/O threads (the AMQP connection's reader, Kafka's producer
 * network thread, jnats' dispatcher), and whatever a caller chained runs there: a chained publish that
 * must open a channel, fetch metadata or look up a stream then waits for a reply only that blocked
 * thread could read. The outbox relay, sending a key's next row once the previous one is confirmed, hung
 * a RabbitMQ connection that way. With this, {@link MessageTransport#publish} futures complete on a
 * thread that may block.
 *
 * <p>The threads are a fork-join pool of one: one thread completes every future in turn (a pool
 * growing a thread per burst of confirms cost Kafka a third of its throughput), and a callback that
 * waits on another publish's future ({@code get}, {@code join}) has the pool add a thread meanwhile,
 * so the future it waits for still completes.
 */
public final class PublishCompletions implements AutoCloseable {

    private final ForkJoinPool threads;

    /** @param name the threads' names are {@code <name>-<n>} */
    public PublishCompletions(String name) {
        AtomicInteger count = new AtomicInteger();
        this.threads = new ForkJoinPool(1, pool -> {
            ForkJoinWorkerThread thread = ForkJoinPool.defaultForkJoinWorkerThreadFactory.newThread(pool);
            thread.setName(name + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        }, null, true);
    }

    /** A future completing as {@code confirmed} does, on one of these threads (at once if it is done already). */
    public <T> CompletableFuture<T> handOff(CompletableFuture<T> confirmed) {
        if (confirmed.isDone()) {
            return confirmed;
        }
        CompletableFuture<T> handed = new CompletableFuture<>();
        confirmed.whenComplete((value, failure) -> {
            Runnable complete = () -> {
                if (failure == null) {
                    handed.complete(value);
                } else {
                    handed.completeExceptionally(failure);
                }
            };
            try {
                threads.execute(complete);
            } catch (RejectedExecutionException closing) {
                complete.run();
            }
        });
        return handed;
    }

    @Override
    public void close() {
        threads.shutdown();
    }
}
