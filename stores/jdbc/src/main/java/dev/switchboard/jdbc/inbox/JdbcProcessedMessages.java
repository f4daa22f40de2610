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
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionException;
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
        this.insert = "INSERT INTO " + settings.table()
                + " (consumer_group, message_id, processed_at) VALUES (?, ?, ?)";
    }

    /** Creates the ids' table from the shipped script unless it exists; safe when instances start together. */
    public void createTableIfMissing() {
        Tables.createIfMissing(dataSource, settings.table(),
                Tables.script(dialect, "processed_messages", InboxSettings.TABLE, settings.table()));
    }

    @Override
    public boolean processOnce(String group, String messageId, Work work) throws Exception {
        Throwable[] workFailure = new Throwable[1];
        try {
            return Boolean.TRUE.equals(transactions.execute(status -> {
                if (!claim(group, messageId)) {
                    status.setRollbackOnly();
                    return false;
                }
                try {
                    work.run();
                } catch (RuntimeException | Error failure) {
                    workFailure[0] = failure;
                    throw failure;
                } catch (Exception checked) {
                    workFailure[0] = checked;
                    throw new CheckedWorkFailure(checked);
                }
                return true;
            }));
        } catch (CheckedWorkFailure failure) {
            throw (Exception) failure.getCause();
        } catch (TransactionException | DataAccessException infrastructure) {
            if (infrastructure == workFailure[0]) {
                throw infrastructure;
            }
            // beginning or committing failed: the outcome is unknown, a redelivery finds out
            throw new SwitchboardException(ErrorCode.UNAVAILABLE, ErrorCode.UNAVAILABLE.name(),
                    "the transaction of message " + messageId + " of " + group + " failed: "
                            + infrastructure.getMessage(), Map.of(), infrastructure);
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
