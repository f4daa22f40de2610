package dev.switchboard.runtime.messaging;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
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
 */
public final class PublishCompletions implements AutoCloseable {

    private final ExecutorService threads;

    /** @param name the threads' names are {@code <name>-<n>} */
    public PublishCompletions(String name) {
        AtomicInteger count = new AtomicInteger();
        this.threads = Executors.newCachedThreadPool(task -> {
            Thread thread = new Thread(task, name + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
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
