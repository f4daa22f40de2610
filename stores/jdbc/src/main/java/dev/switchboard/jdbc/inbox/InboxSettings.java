package dev.switchboard.jdbc.inbox;

import dev.switchboard.jdbc.Tables;
import java.time.Duration;
import java.util.Objects;

/**
 * How the inbox claims and forgets ids.
 *
 * @param table       the ids' table
 * @param lockTimeout how long a claim waits for another transaction holding the same id before the
 *                    delivery is handed back as in flight elsewhere
 * @param retention   how long an id is remembered; a redelivery later than that runs again
 */
public record InboxSettings(String table, Duration lockTimeout, Duration retention) {

    public static final String TABLE = "switchboard_processed_messages";

    /**
     * Five seconds: long enough for the common race (a redelivery arriving while the first delivery
     * commits) to end as a plain duplicate, short enough not to hold a consumer thread and a pooled
     * connection behind a slow handler, and well under the brokers' acknowledgement timeouts (NATS
     * 30 s), so the waiting delivery is not itself redelivered meanwhile.
     */
    public static final Duration DEFAULT_LOCK_TIMEOUT = Duration.ofSeconds(5);

    /**
     * Seven days: longer than any broker here keeps redelivering a message (retries take minutes,
     * an unacknowledged message comes back within its acknowledgement timeout), with room for a
     * consumer stopped over a long weekend, yet it keeps the table to a week of traffic.
     */
    public static final Duration DEFAULT_RETENTION = Duration.ofDays(7);

    public InboxSettings {
        Tables.checkedName(table);
        Objects.requireNonNull(lockTimeout, "lockTimeout");
        Objects.requireNonNull(retention, "retention");
        if (lockTimeout.isNegative() || lockTimeout.isZero()) {
            throw new IllegalArgumentException("the lock timeout must be positive, got " + lockTimeout);
        }
        if (retention.isNegative() || retention.isZero()) {
            throw new IllegalArgumentException("the retention must be positive, got " + retention);
        }
    }

    public static InboxSettings defaults() {
        return new InboxSettings(TABLE, DEFAULT_LOCK_TIMEOUT, DEFAULT_RETENTION);
    }

    public InboxSettings withTable(String table) {
        return new InboxSettings(table, lockTimeout, retention);
    }
}
