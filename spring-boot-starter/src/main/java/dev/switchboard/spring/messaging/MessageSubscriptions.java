package dev.switchboard.spring.messaging;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * A service's subscriptions, started with the application once everything else is ready and
 * stopped first on shutdown, each after its in-flight handlers finish: a message is never taken
 * from the broker by a context that can no longer handle it.
 */
public final class MessageSubscriptions implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(MessageSubscriptions.class);

    private final List<Supplier<AutoCloseable>> subscriptions;
    private final List<AutoCloseable> open = new ArrayList<>();
    private volatile boolean running;

    @SafeVarargs
    public MessageSubscriptions(Supplier<AutoCloseable>... subscriptions) {
        this.subscriptions = List.of(subscriptions);
    }

    @Override
    public synchronized void start() {
        for (Supplier<AutoCloseable> subscription : subscriptions) {
            open.add(subscription.get());
        }
        running = true;
    }

    @Override
    public synchronized void stop() {
        for (AutoCloseable subscription : open) {
            try {
                subscription.close();
            } catch (Exception e) {
                log.warn("closing a subscription failed", e);
            }
        }
        open.clear();
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Late in startup, early in shutdown: after the web server and gRPC server, before their pools. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 1024;
    }
}
