package dev.switchboard.jdbc.inbox;

import dev.switchboard.jdbc.DatabaseDialect;
import dev.switchboard.jdbc.ExpiringStore;
import dev.switchboard.jdbc.StoredKeys;
import dev.switchboard.jdbc.Tables;
import dev.switchboard.runtime.ErrorCode;
import dev.switchboard.runtime.SwitchboardException;
import dev.switchboard.runtime.messaging.MessageInFlightException;
import dev.switchboard.runtime.messaging.ProcessedMessages;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionException;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The transactional inbox: each message's handler runs in a transaction of the application's
 * {@link PlatformTransactionManager} (the one Spring Boot configures: {@code JdbcTransactionManager},
 * or {@code JpaTransactionManager} with JPA), which first inserts the (group, id) claim through
 * {@link JdbcTemplate}, so on the transaction's connection. The handler's own JDBC or JPA writes
 * join that transaction, so the claim and the work commit together or not at all: a consumer
 * killed mid-handler leaves nothing behind and the redelivery runs. Exactly once in effect, for
 * what the handler does in this database.
 *
 * <p>A second delivery of the same id inserting the same primary key waits on the first one's row
 * lock: its commit makes the second a duplicate (acknowledged only), its rollback hands the second
 * the claim. The wait is bounded by {@link InboxSettings#lockTimeout()}; past it the delivery is
 * still in flight elsewhere and {@link MessageInFlightException} has it delivered again later.
 *
 * <p>A handler holds a pooled connection for its whole run, remote calls included: the pool needs
 * at least subscriptions × {@code switchboard.messaging.concurrency} connections, plus headroom for
 * the rest of the application.
 */
public final class JdbcProcessedMessages implements ProcessedMessages, ExpiringStore {

    private static final int DELETE_BATCH = 5_000;

    private final DataSource dataSource;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final DatabaseDialect dialect;
    private final InboxSettings settings;
    private final WaitingInsert claims;
    private final Clock clock;
    private final String insertInto;
    private final String insert;

    /**
     * @param transactions the application's transaction manager; it must manage {@code dataSource},
     *                     or the claim and the handler's work are not one transaction
     */
    public JdbcProcessedMessages(DataSource dataSource, PlatformTransactionManager transactions,
            InboxSettings settings) {
        this(dataSource, transactions, settings, DatabaseDialect.of(dataSource), Clock.systemUTC());
    }

    public JdbcProcessedMessages(DataSource dataSource, PlatformTransactionManager transactions,
            InboxSettings settings, DatabaseDialect dialect, Clock clock) {
        this.dataSource = dataSource;
        this.jdbc = new JdbcTemplate(dataSource);
        this.transactions = new TransactionTemplate(transactions);
        this.dialect = dialect;
        this.settings = settings;
        this.claims = new WaitingInsert(jdbc, dialect, settings.lockTimeout());
        this.clock = clock;
        this.insertInto = "INSERT INTO " + settings.table() + " (consumer_group, message_id, processed_at) VALUES ";
        this.insert = insertInto + "(?, ?, ?)";
    }

    /** Creates the ids' table from the shipped script unless it exists; safe when instances start together. */
    public void createTableIfMissing() {
        Tables.createIfMissing(dataSource, settings.table(),
                Tables.script(dialect, "processed_messages", InboxSettings.TABLE, settings.table()));
    }

    @Override
    public boolean processOnce(String group, String messageId, Work work) throws Exception {
        return inTransaction("message " + messageId + " of " + group, status -> {
            if (!claim(group, messageId)) {
                status.setRollbackOnly();
                return false;
            }
            work.run();
            return true;
        });
    }

    /**
     * One transaction for the batch: the ids committed before are left out, the others claimed with one
     * multi-row insert, then the work joins the transaction. A claim that meets another transaction's row
     * (the same id claimed, or committed since the look-up) fails the whole batch as in flight: the
     * delivery loop splits it, and the message alone then meets {@link #processOnce}'s wait.
     */
    @Override
    public List<String> processAllOnce(String group, List<String> messageIds, BatchWork work) throws Exception {
        return inTransaction(messageIds.size() + " messages of " + group, status -> {
            List<String> fresh = unfinished(group, messageIds);
            if (fresh.isEmpty()) {
                status.setRollbackOnly();
                return List.of();
            }
            claimAll(group, fresh);
            work.run(fresh);
            return fresh;
        });
    }

    /** Work in a transaction whose checked failures pass through. */
    @FunctionalInterface
    private interface TransactionWork<T> {
        T run(TransactionStatus status) throws Exception;
    }

    /**
     * Runs {@code work} in a transaction; the work's own failures come out as thrown, a failure to begin
     * or commit as {@code UNAVAILABLE}: the outcome is unknown and a redelivery finds out.
     */
    private <T> T inTransaction(String what, TransactionWork<T> work) throws Exception {
        Throwable[] workFailure = new Throwable[1];
        try {
            return transactions.execute(status -> {
                try {
                    return work.run(status);
                } catch (RuntimeException | Error failure) {
                    workFailure[0] = failure;
                    throw failure;
                } catch (Exception checked) {
                    workFailure[0] = checked;
                    throw new CheckedWorkFailure(checked);
                }
            });
        } catch (CheckedWorkFailure failure) {
            throw (Exception) failure.getCause();
        } catch (TransactionException | DataAccessException infrastructure) {
            if (infrastructure == workFailure[0]) {
                throw infrastructure;
            }
            throw new SwitchboardException(ErrorCode.UNAVAILABLE, ErrorCode.UNAVAILABLE.name(),
                    "the transaction of " + what + " failed: " + infrastructure.getMessage(), Map.of(),
                    infrastructure);
        }
    }

    /** The distinct ids of {@code messageIds}, in order, that {@code group} has not committed. */
    private List<String> unfinished(String group, List<String> messageIds) {
        Map<String, String> byStoredKey = new LinkedHashMap<>();
        messageIds.forEach(id -> byStoredKey.putIfAbsent(StoredKeys.bounded(id), id));
        List<Object> arguments = new ArrayList<>();
        arguments.add(StoredKeys.bounded(group));
        arguments.addAll(byStoredKey.keySet());
        jdbc.query("SELECT message_id FROM " + settings.table() + " WHERE consumer_group = ? AND message_id IN ("
                        + String.join(", ", Collections.nCopies(byStoredKey.size(), "?")) + ")",
                row -> {
                    byStoredKey.remove(row.getString(1));
                }, arguments.toArray());
        return List.copyOf(byStoredKey.values());
    }

    /** One multi-row insert: a single statement for the batch, not one per id. */
    private void claimAll(String group, List<String> messageIds) {
        Timestamp now = Timestamp.from(clock.instant());
        List<Object> values = new ArrayList<>(messageIds.size() * 3);
        for (String id : messageIds) {
            values.addAll(List.of(StoredKeys.bounded(group), StoredKeys.bounded(id), now));
        }
        try {
            claims.insert(insertInto + String.join(", ", Collections.nCopies(messageIds.size(), "(?, ?, ?)")),
                    values.toArray());
        } catch (DuplicateKeyException committedMeanwhile) {
            throw new MessageInFlightException(group, "among " + messageIds.size(), committedMeanwhile);
        } catch (DataAccessException e) {
            if (WaitingInsert.lockNotAcquired(e)) {
                throw new MessageInFlightException(group, "among " + messageIds.size(), e);
            }
            throw new SwitchboardException(ErrorCode.UNAVAILABLE, ErrorCode.UNAVAILABLE.name(),
                    "cannot claim " + messageIds.size() + " messages of " + group + " in " + settings.table() + ": "
                            + e.getMessage(), Map.of(), e);
        }
    }

    /** True when this transaction now holds the id; false when another committed it. */
    private boolean claim(String group, String messageId) {
        try {
            claims.insert(insert, StoredKeys.bounded(group), StoredKeys.bounded(messageId),
                    Timestamp.from(clock.instant()));
            return true;
        } catch (DuplicateKeyException duplicate) {
            return false;
        } catch (DataAccessException e) {
            if (WaitingInsert.lockNotAcquired(e)) {
                throw new MessageInFlightException(group, messageId, e);
            }
            throw new SwitchboardException(ErrorCode.UNAVAILABLE, ErrorCode.UNAVAILABLE.name(),
                    "cannot claim message " + messageId + " of " + group + " in " + settings.table() + ": "
                            + e.getMessage(), Map.of(), e);
        }
    }

    /** Forgets ids older than the retention, in batches; several instances may run it at once. */
    @Override
    public int removeExpired() {
        Timestamp before = Timestamp.from(clock.instant().minus(settings.retention()));
        String delete = dialect.deleteBefore(settings.table(), "processed_at", DELETE_BATCH);
        int total = 0;
        int deleted;
        do {
            deleted = jdbc.update(delete, before);
            total += deleted;
        } while (deleted == DELETE_BATCH);
        return total;
    }

    public InboxSettings settings() {
        return settings;
    }

    /** Carries a handler's checked exception through the transaction template, which rolls back on it. */
    private static final class CheckedWorkFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        CheckedWorkFailure(Exception cause) {
            super(cause);
        }
    }
}
