package dev.switchboard.jdbc.outbox;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The future of a publish written to the outbox: it completes when the writing transaction commits
 * and fails when it rolls back.
 *
 * <p>Code that publishes and then joins the future, as handlers written for a direct publish do,
 * would wait inside the transaction for its own commit and hang. So on the thread of the still-open
 * writing transaction {@link #join()} and {@link #get()} return {@code null} at once: from there on
 * the event's fate is the transaction's, and an error is the transaction's to report. Dependents
 * ({@code whenComplete}, {@code thenApply}, ...) are created through {@link #newIncompleteFuture()}
 * and behave the same. Anywhere else, and once the transaction has ended, they wait as usual.
 * {@code CompletableFuture.allOf} and other static combinators create plain futures, which would
 * still wait.
 */
public final class OutboxFuture<T> extends CompletableFuture<T> {

    private final WritingTransaction transaction;

    OutboxFuture(WritingTransaction transaction) {
        this.transaction = transaction;
    }

    @Override
    public <U> CompletableFuture<U> newIncompleteFuture() {
        return new OutboxFuture<>(transaction);
    }

    @Override
    public T join() {
        return insideTheWritingTransaction() ? null : super.join();
    }

    @Override
    public T get() throws InterruptedException, ExecutionException {
        return insideTheWritingTransaction() ? null : super.get();
    }

    @Override
    public T get(long timeout, TimeUnit unit) throws InterruptedException, ExecutionException, TimeoutException {
        return insideTheWritingTransaction() ? null : super.get(timeout, unit);
    }

    /** True on the writing thread before its transaction ended, and the future has no outcome yet. */
    public boolean insideTheWritingTransaction() {
        return !isDone() && transaction.isOpenOn(Thread.currentThread());
    }

    /** The transaction a row was written in: its thread, and whether it is still open. */
    static final class WritingTransaction {

        private final Thread thread;
        private volatile boolean open = true;

        WritingTransaction(Thread thread) {
            this.thread = thread;
        }

        static WritingTransaction ended() {
            WritingTransaction ended = new WritingTransaction(null);
            ended.end();
            return ended;
        }

        boolean isOpenOn(Thread current) {
            return open && thread == current;
        }

        void end() {
            open = false;
        }
    }
}
