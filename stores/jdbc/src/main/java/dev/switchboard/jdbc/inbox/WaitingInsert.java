package dev.switchboard.jdbc.inbox;

import dev.switchboard.jdbc.DatabaseDialect;
import java.sql.SQLException;
import java.time.Duration;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * An insert that waits at most a given time for a row lock held by another transaction (the same
 * id being claimed elsewhere), without changing how long the rest of the transaction, the
 * handler's own work, may wait.
 *
 * <ul>
 *   <li>PostgreSQL: {@code lock_timeout} set for the transaction around the insert, then put back.
 *   <li>MariaDB: {@code SET STATEMENT innodb_lock_wait_timeout=N FOR INSERT ...}, this statement
 *       only, in whole seconds (at least one).
 *   <li>H2: the session's {@code LOCK_TIMEOUT} around the insert, then put back.
 * </ul>
 * Running out of time fails with an exception {@link #lockNotAcquired} recognises.
 */
final class WaitingInsert {

    private final JdbcTemplate jdbc;
    private final DatabaseDialect dialect;
    private final Duration timeout;

    WaitingInsert(JdbcTemplate jdbc, DatabaseDialect dialect, Duration timeout) {
        this.jdbc = jdbc;
        this.dialect = dialect;
        this.timeout = timeout;
    }

    void insert(String sql, Object... args) {
        switch (dialect) {
            case POSTGRESQL -> {
                String previous = jdbc.queryForObject(
                        "SELECT current_setting('lock_timeout'), set_config('lock_timeout', ?, true)",
                        (row, n) -> row.getString(1), timeout.toMillis() + "ms");
                jdbc.update(sql, args);
                // an aborted transaction rolls the setting back with everything else
                jdbc.queryForObject("SELECT set_config('lock_timeout', ?, true)", String.class, previous);
            }
            case MARIADB -> jdbc.update(
                    "SET STATEMENT innodb_lock_wait_timeout=" + wholeSeconds() + " FOR " + sql, args);
            case H2 -> {
                Integer previous = jdbc.queryForObject("SELECT LOCK_TIMEOUT()", Integer.class);
                jdbc.execute("SET LOCK_TIMEOUT " + timeout.toMillis());
                try {
                    jdbc.update(sql, args);
                } finally {
                    jdbc.execute("SET LOCK_TIMEOUT " + previous);
                }
            }
        }
    }

    /**
     * Whether {@code failure} says a lock could not be had in time (or a deadlock broke the wait):
     * PostgreSQL's SQLSTATE 55P03 (40P01), MariaDB's error 1205 (1213), H2's 50200 (40001). Spring's
     * default translation leaves some of them uncategorised, hence the codes here.
     */
    static boolean lockNotAcquired(Throwable failure) {
        if (failure instanceof PessimisticLockingFailureException) {
            return true;
        }
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql) {
                String state = sql.getSQLState() == null ? "" : sql.getSQLState();
                int code = sql.getErrorCode();
                if (state.equals("55P03") || state.equals("40P01") || state.equals("40001")
                        || code == 1205 || code == 1213 || code == 50200) {
                    return true;
                }
            }
        }
        return false;
    }

    private long wholeSeconds() {
        return Math.max(1, (timeout.toMillis() + 999) / 1000);
    }
}
