package dev.switchboard.jdbc.outbox;

import dev.switchboard.runtime.messaging.Message;
import dev.switchboard.runtime.messaging.MessageTransport;
import dev.switchboard.runtime.messaging.Subscription;
import java.util.concurrent.CompletableFuture;
import java.util.function.LongSupplier;
import javax.sql.DataSource;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The transport the publisher writes through when the outbox is on: a publish becomes a row in the
 * outbox table, in the transaction of the calling thread on the application's {@link DataSource}
 * (a Spring-managed one: {@code @Transactional}, {@code TransactionTemplate}), and the relay sends it
 * after commit. Everything else (declaring destinations, subscriptions, the name observations carry)
 * is the broker transport's, so listeners see no difference.
 *
 * <p>Outside any transaction on that DataSource a publish is one row inserted on its own (its own
 * short transaction) and its future completes once that insert is durable, not when the broker
 * confirms: the relay then delivers it like any other row.
 */
public final class OutboxTransport implements MessageTransport {

    private final DataSource dataSource;
    private final OutboxStore store;
    private final MessageTransport broker;
    private final Runnable afterCommit;
    private final LongSupplier clock;

    OutboxTransport(DataSource dataSource, OutboxStore store, MessageTransport broker, Runnable afterCommit,
            LongSupplier clock) {
        this.dataSource = dataSource;
        this.store = store;
        this.broker = broker;
        this.afterCommit = afterCommit;
        this.clock = clock;
    }

    @Override
    public CompletableFuture<Void> publish(String destination, Message message) {
        if (!inTransactionOnThisDataSource()) {
            store.append(destination, message, clock.getAsLong());
            OutboxFuture<Void> written = new OutboxFuture<>(OutboxFuture.WritingTransaction.ended());
            written.complete(null);
            afterCommit.run();
            return written;
        }
        store.append(destination, message, clock.getAsLong());
        OutboxFuture.WritingTransaction transaction = new OutboxFuture.WritingTransaction(Thread.currentThread());
        OutboxFuture<Void> committed = new OutboxFuture<>(transaction);
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                transaction.end();
                if (status == STATUS_COMMITTED) {
                    committed.complete(null);
                    afterCommit.run();
                } else if (status == STATUS_ROLLED_BACK) {
                    committed.completeExceptionally(new IllegalStateException("message " + message.id() + " to "
                            + destination + " was not published: the transaction that wrote it rolled back"));
                } else {
                    committed.completeExceptionally(new IllegalStateException("message " + message.id() + " to "
                            + destination + ": the transaction that wrote it ended in an unknown state; the relay "
                            + "sends it if it committed"));
                }
            }
        });
        return committed;
    }

    /** A transaction is open on this thread and holds a connection of this DataSource. */
    private boolean inTransactionOnThisDataSource() {
        return TransactionSynchronizationManager.isSynchronizationActive()
                && TransactionSynchronizationManager.isActualTransactionActive()
                && TransactionSynchronizationManager.hasResource(dataSource);
    }

    @Override
    public void declare(String destination, Subscription.Mode mode) {
        broker.declare(destination, mode);
    }

    @Override
    public void declare(String destination, Subscription.Mode mode, boolean ordered) {
        broker.declare(destination, mode, ordered);
    }

    /** A publish here is settled by the writing transaction; the relay retries the broker itself. */
    @Override
    public boolean confirmsByBroker() {
        return false;
    }

    @Override
    public AutoCloseable subscribe(Subscription subscription) {
        return broker.subscribe(subscription);
    }

    @Override
    public String name() {
        return broker.name();
    }

    /** The broker transport is the application's, closed with it; the outbox has nothing of its own to close. */
    @Override
    public void close() {}
}
