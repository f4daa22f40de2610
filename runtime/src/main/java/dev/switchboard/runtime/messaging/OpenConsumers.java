package dev.switchboard.runtime.messaging;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The consumers a transport has started, so that closing the transport stops each one (after its
 * in-flight handlers) and a subscription's own handle stops just its consumer, once.
 */
public final class OpenConsumers {

    private static final Logger log = Logger.getLogger(OpenConsumers.class.getName());

    private final Set<AutoCloseable> open = ConcurrentHashMap.newKeySet();

    /** Registers a started consumer and returns the subscription's handle, which closes and forgets it. */
    public AutoCloseable add(AutoCloseable consumer) {
        open.add(consumer);
        return () -> {
            if (open.remove(consumer)) {
                consumer.close();
            }
        };
    }

    /** Closes every consumer still open. */
    public void closeAll() {
        for (AutoCloseable consumer : List.copyOf(open)) {
            if (open.remove(consumer)) {
                try {
                    consumer.close();
                } catch (Exception e) {
                    log.log(Level.WARNING, "closing a consumer failed", e);
                }
            }
        }
    }
}
