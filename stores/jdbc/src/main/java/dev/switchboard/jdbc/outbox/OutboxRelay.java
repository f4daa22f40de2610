package dev.switchboard.jdbc.outbox;

import dev.switchboard.runtime.messaging.MessageTransport;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongSupplier;
import javax.sql.DataSource;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends committed outbox rows to the broker and marks them sent, on one thread of its own: woken
 * after each commit that wrote rows, and polling for rows nobody woke it for (another instance's,
 * or a crashed one's).
 *
 * <p><b>Per-key order across instances.</b> Keys hash into a fixed number of partitions, each with
 * one row in {@code <table>_partitions}. A relay sends a partition's rows only inside a transaction
 * that holds that row's lock, taken with {@code SELECT ... FOR UPDATE SKIP LOCKED}: an instance that
 * finds a partition held skips it rather than waiting. A partition's rows go out in write order, a
 * key's next row only once the broker confirmed the previous one (rows of different keys in
 * parallel), and are marked sent before the lock is released; so whichever instance takes the
 * partition next starts after the last confirmed row. Locking partitions rather than rows is what
 * keeps the order: with rows locked one by one, a second instance would skip a key's first row and
 * send its second. Locking partitions rather than electing one relay lets instances share the work,
 * and needs no lease clock: a crashed instance's locks go with its connection. Row locks and
 * SKIP LOCKED behave alike on PostgreSQL, MariaDB (10.6+) and H2.
 *
 * <p>When the broker fails a send, the key's later rows wait, the pass stops, and the relay pauses
 * (doubling from the initial backoff up to the maximum) before it tries again; it never runs on a
 * request thread, so a broker outage makes the outbox grow, not requests fail.
 */
public final class OutboxRelay implements AutoCloseable {

    private static final System.Logger log = System.getLogger(OutboxRelay.class.getName());
    private static final long PRUNE_EVERY_MILLIS = 60_000;

    private final OutboxStore store;
    private final MessageTransport broker;
    private final OutboxSettings settings;
    private final OutboxMetrics metrics;
    private final LongSupplier clock;
    private final TransactionTemplate transactions;
    private final ScheduledExecutorService thread;
    /** Where each key's first send starts: a publish that blocks its caller blocks one of these, not the relay. */
    private final ExecutorService sending;
    private final AtomicBoolean woken = new AtomicBoolean();
    private volatile boolean started;
    // Touched by the relay thread only (or by a test calling relayOnce with the relay stopped).
    private int failuresInARow;
    private long pausedUntil;
    private long lastPrune;
    private int nextPartition;
    private boolean partitionsReady;

    OutboxRelay(DataSource dataSource, OutboxStore store, MessageTransport broker, OutboxSettings settings,
            OutboxMetrics metrics, LongSupplier clock) {
        this.store = store;
        this.broker = broker;
        this.settings = settings;
        this.metrics = metrics;
        this.clock = clock;
        this.transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        // The same view of committed rows on every database (MariaDB defaults to REPEATABLE READ).
        this.transactions.setIsolationLevel(TransactionDefinition.ISOLATION_READ_COMMITTED);
        this.thread = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread relay = new Thread(runnable, "switchboard-outbox-relay-" + settings.table());
            relay.setDaemon(true);
            return relay;
        });
        this.sending = Executors.newCachedThreadPool(runnable -> {
            Thread sender = new Thread(runnable, "switchboard-outbox-send-" + settings.table());
            sender.setDaemon(true);
            return sender;
        });
    }

    /** Starts polling (the first poll at once). */
    public void start() {
        started = true;
        thread.scheduleWithFixedDelay(this::poll, 0, settings.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * Asks for a pass soon (after a commit wrote rows); returns at once, whatever the relay is doing.
     * A relay not started yet ignores it: its first poll finds the rows.
     */
    public void wake() {
        if (started && woken.compareAndSet(false, true)) {
            try {
                thread.execute(() -> {
                    woken.set(false);
                    relayUnlessPaused();
                });
            } catch (RejectedExecutionException closed) {
                woken.set(false);
            }
        }
    }

    /**
     * One pass over the partitions this instance can lock, each drained until empty or until the
     * broker fails. Called by the relay thread; tests call it directly on a relay never started.
     */
    public Pass relayOnce() {
        if (!partitionsReady) {
            store.ensurePartitions();
            partitionsReady = true;
        }
        int sent = 0;
        int start = Math.floorMod(nextPartition++, settings.partitions());
        for (int i = 0; i < settings.partitions(); i++) {
            int partition = (start + i) % settings.partitions();
            PartitionPass pass;
            do {
                pass = transactions.execute(status -> drain(partition));
                pass.sources().forEach(metrics::sent);
                sent += pass.sent();
                if (pass.failure() != null) {
                    return new Pass(sent, pass.failure());
                }
            } while (pass.full());
        }
        return new Pass(sent, null);
    }

    /** What one pass did: rows sent, and the broker's (or database's) failure that ended it early. */
    public record Pass(int sent, Throwable failure) {}

    private record PartitionPass(int sent, Map<String, Integer> sources, boolean full, Throwable failure) {

        static final PartitionPass NOTHING = new PartitionPass(0, Map.of(), false, null);
    }

    private PartitionPass drain(int partition) {
        if (!store.lock(partition)) {
            return PartitionPass.NOTHING;
        }
        List<OutboxRow> rows = store.unsent(partition);
        if (rows.isEmpty()) {
            return PartitionPass.NOTHING;
        }
        Sends sends = send(rows);
        List<Long> ids = sends.confirmed.stream().map(OutboxRow::id).toList();
        if (!ids.isEmpty()) {
            store.markSent(ids, clock.getAsLong());
        }
        sends.failed.forEach((row, failure) -> store.recordFailure(row.id(), String.valueOf(failure)));
        Map<String, Integer> sources = new LinkedHashMap<>();
        sends.confirmed.forEach(row -> sources.merge(row.message().source(), 1, Integer::sum));
        Throwable failure = sends.failed.values().stream().findFirst().orElse(null);
        return new PartitionPass(ids.size(), sources, rows.size() == settings.batchSize(), failure);
    }

    /** Which rows the broker confirmed, and which failed (a failed row's later rows of its key are not sent). */
    private record Sends(Queue<OutboxRow> confirmed, Map<OutboxRow, Throwable> failed) {}

    /**
     * Sends each key's rows in turn, the keys side by side, and waits for them: never longer than a send
     * timeout per row of the longest key (and a second), so a pass always ends and its partition's lock
     * is released, whatever a broker client does. Each key's first send starts on a sending thread, not
     * this one, so a publish that blocks its caller holds a sending thread, never the relay. A row still
     * unconfirmed when the wait ends counts as failed and is sent again later (at least once; its
     * CloudEvent id is fixed, so consumers drop the copy).
     */
    private Sends send(List<OutboxRow> rows) {
        Map<String, List<OutboxRow>> byKey = new LinkedHashMap<>();
        rows.forEach(row -> byKey.computeIfAbsent(row.orderingKey(), key -> new ArrayList<>()).add(row));
        Sends sends = new Sends(new ConcurrentLinkedQueue<>(), new ConcurrentHashMap<>());
        List<CompletableFuture<Void>> keys = new ArrayList<>();
        int longest = 0;
        for (List<OutboxRow> ofOneKey : byKey.values()) {
            CompletableFuture<Void> chain = null;
            for (OutboxRow row : ofOneKey) {
                chain = chain == null
                        ? CompletableFuture.<Void>completedFuture(null).thenComposeAsync(start -> sendOne(row, sends),
                                sending)
                        : chain.thenCompose(previousConfirmed -> sendOne(row, sends));
            }
            keys.add(chain.exceptionally(failed -> null));
            longest = Math.max(longest, ofOneKey.size());
        }
        long bound = settings.sendTimeout().toMillis() * longest + 1_000;
        try {
            CompletableFuture.allOf(keys.toArray(CompletableFuture[]::new)).get(bound, TimeUnit.MILLISECONDS);
        } catch (InterruptedException stopping) {
            Thread.currentThread().interrupt();
            return unfinishedFailed(rows, sends, stopping);
        } catch (TimeoutException stuck) {
            return unfinishedFailed(rows, sends, new TimeoutException("no answer from the broker within " + bound
                    + " ms"));
        } catch (ExecutionException cannotHappen) {
            throw new IllegalStateException(cannotHappen);
        }
        return sends;
    }

    /** What is settled now, every other row failed with {@code why}; later answers no longer count. */
    private static Sends unfinishedFailed(List<OutboxRow> rows, Sends sends, Throwable why) {
        Sends now = new Sends(new ConcurrentLinkedQueue<>(sends.confirmed), new ConcurrentHashMap<>(sends.failed));
        rows.stream().filter(row -> !now.confirmed.contains(row) && !now.failed.containsKey(row))
                .forEach(row -> now.failed.put(row, why));
        return now;
    }

    private CompletableFuture<Void> sendOne(OutboxRow row, Sends sends) {
        CompletableFuture<Void> confirmed;
        try {
            confirmed = broker.publish(row.destination(), row.message())
                    .orTimeout(settings.sendTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (RuntimeException refused) {
            confirmed = CompletableFuture.failedFuture(refused);
        }
        return confirmed.whenComplete((done, failure) -> {
            if (failure == null) {
                sends.confirmed.add(row);
            } else {
                sends.failed.put(row, failure instanceof CompletionException wrapped && wrapped.getCause() != null
                        ? wrapped.getCause() : failure);
            }
        });
    }

    private void poll() {
        relayUnlessPaused();
        upkeep();
    }

    /** Refreshes the backlog meters and deletes sent rows past their retention. */
    void upkeep() {
        try {
            metrics.backlog(store.backlog());
            long now = clock.getAsLong();
            if (settings.retention().isZero() || now - lastPrune >= PRUNE_EVERY_MILLIS) {
                lastPrune = now;
                store.deleteSentBefore(now - settings.retention().toMillis());
            }
        } catch (RuntimeException databaseTrouble) {
            log.log(System.Logger.Level.DEBUG, "outbox upkeep failed: " + databaseTrouble.getMessage());
        }
    }

    private void relayUnlessPaused() {
        if (clock.getAsLong() < pausedUntil) {
            return;
        }
        Throwable failure;
        try {
            failure = relayOnce().failure();
        } catch (RuntimeException databaseTrouble) {
            failure = databaseTrouble;
        }
        if (failure == null) {
            if (failuresInARow > 0) {
                log.log(System.Logger.Level.INFO, "outbox " + settings.table() + " is sending again");
            }
            failuresInARow = 0;
            return;
        }
        long pause = pauseAfter(++failuresInARow);
        pausedUntil = clock.getAsLong() + pause;
        log.log(failuresInARow == 1 ? System.Logger.Level.WARNING : System.Logger.Level.DEBUG,
                "outbox " + settings.table() + " cannot send (" + failure + "); next try in " + pause + " ms");
        try {
            thread.schedule(this::relayUnlessPaused, pause, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException closed) {
            // stopping: the rows wait in the table for the next start
        }
    }

    /** The pause after {@code failures} failed passes in a row: doubling, capped. */
    long pauseAfter(int failures) {
        long initial = settings.initialBackoff().toMillis();
        long doubled = failures >= 31 ? Long.MAX_VALUE : initial << Math.min(failures - 1, 30);
        return Math.min(doubled < initial ? Long.MAX_VALUE : doubled, settings.maxBackoff().toMillis());
    }

    /** Stops polling; a pass under way finishes its current send (rows not marked sent are sent again later). */
    @Override
    public void close() {
        thread.shutdown();
        try {
            if (!thread.awaitTermination(settings.sendTimeout().toMillis(), TimeUnit.MILLISECONDS)) {
                thread.shutdownNow();
            }
        } catch (InterruptedException e) {
            thread.shutdownNow();
            Thread.currentThread().interrupt();
        } finally {
            sending.shutdown();
        }
    }
}
