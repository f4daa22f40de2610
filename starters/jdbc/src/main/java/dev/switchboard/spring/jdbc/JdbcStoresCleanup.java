package dev.switchboard.spring.jdbc;

import dev.switchboard.jdbc.ExpiringStore;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Deletes expired rows of the JDBC stores every {@code switchboard.jdbc.cleanup-interval}, on one
 * daemon thread. Each instance runs it; deletes by age in batches do not conflict, so no leader is
 * needed. The first run comes after a random part of the interval, so instances started together
 * do not all delete at once.
 */
final class JdbcStoresCleanup implements SmartLifecycle {

    private static final Log log = LogFactory.getLog(JdbcStoresCleanup.class);

    private final List<ExpiringStore> stores;
    private final Duration interval;
    private ScheduledExecutorService scheduler;

    JdbcStoresCleanup(List<ExpiringStore> stores, Duration interval) {
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("switchboard.jdbc.cleanup-interval must be positive, got " + interval);
        }
        this.stores = List.copyOf(stores);
        this.interval = interval;
    }

    /** One clean-up of every store; returns how many rows went. */
    int runOnce() {
        int removed = 0;
        for (ExpiringStore store : stores) {
            try {
                removed += store.removeExpired();
            } catch (RuntimeException e) {
                log.warn("could not delete the expired rows of " + store.getClass().getSimpleName()
                        + "; trying again in " + interval, e);
            }
        }
        if (removed > 0 && log.isDebugEnabled()) {
            log.debug("deleted " + removed + " expired rows of the JDBC stores");
        }
        return removed;
    }

    List<ExpiringStore> stores() {
        return stores;
    }

    @Override
    public synchronized void start() {
        if (scheduler != null || stores.isEmpty()) {
            return;
        }
        scheduler = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "switchboard-jdbc-cleanup");
            thread.setDaemon(true);
            return thread;
        });
        long period = interval.toMillis();
        scheduler.scheduleWithFixedDelay(this::runOnce, ThreadLocalRandom.current().nextLong(period / 2 + 1), period,
                TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        if (scheduler != null) {
            scheduler.shutdownNow();
            scheduler = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return scheduler != null;
    }
}
