package dev.switchboard.runtime.messaging;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A group of a service's subscriptions, opened together and closed together, each after its
 * in-flight handlers finish. Generated messaging configurations declare one per handler
 * interface; the application's lifecycle (the Spring Boot starter's) starts them once everything
 * else is ready and stops them first, so a message is never taken from the broker by a context
 * that can no longer handle it.
 */
public final class MessageSubscriptions implements AutoCloseable {

    private static final Logger log = Logger.getLogger(MessageSubscriptions.class.getName());

    private final List<Supplier<AutoCloseable>> subscriptions;
    private final List<AutoCloseable> open = new ArrayList<>();

    @SafeVarargs
    public MessageSubscriptions(Supplier<AutoCloseable>... subscriptions) {
        this.subscriptions = List.of(subscriptions);
    }

    /** How many subscriptions this group opens: what sizing a pool for their handlers counts. */
    public int size() {
        return subscriptions.size();
    }

    /** Opens every subscription; a second call does nothing until {@link #close()}. */
    public synchronized void start() {
        if (!open.isEmpty()) {
            return;
        }
        for (Supplier<AutoCloseable> subscription : subscriptions) {
            open.add(subscription.get());
        }
    }

    public synchronized boolean isRunning() {
        return !open.isEmpty();
    }

    /** Closes every open subscription, in the order they were opened. */
    @Override
    public synchronized void close() {
        for (AutoCloseable subscription : open) {
            try {
                subscription.close();
            } catch (Exception e) {
                log.log(Level.WARNING, "closing a subscription failed", e);
            }
        }
        open.clear();
    }
}
