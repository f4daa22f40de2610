package dev.switchboard.spring.messaging;

import dev.switchboard.runtime.messaging.MessageSubscriptions;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.SmartLifecycle;

/**
 * Opens every {@link MessageSubscriptions} bean late in startup, once everything else is ready,
 * and closes them early in shutdown, each after its in-flight handlers finish: a message is never
 * taken from the broker by a context that can no longer handle it.
 */
final class SubscriptionsLifecycle implements SmartLifecycle {

    private final ObjectProvider<MessageSubscriptions> subscriptions;
    private volatile List<MessageSubscriptions> started = List.of();

    SubscriptionsLifecycle(ObjectProvider<MessageSubscriptions> subscriptions) {
        this.subscriptions = subscriptions;
    }

    @Override
    public synchronized void start() {
        List<MessageSubscriptions> all = subscriptions.orderedStream().toList();
        all.forEach(MessageSubscriptions::start);
        started = all;
    }

    @Override
    public synchronized void stop() {
        started.forEach(MessageSubscriptions::close);
        started = List.of();
    }

    @Override
    public boolean isRunning() {
        return !started.isEmpty();
    }

    /** After the web server and gRPC server have started; stopped before them and their pools. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 1024;
    }
}
