package dev.switchboard.jdbc.outbox;

import java.time.Duration;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * How the outbox is stored and relayed.
 *
 * @param table          the outbox table; its partition locks live in {@code <table>_partitions}
 * @param partitions     how many partitions keys are hashed into: the unit of work one relay instance
 *                       holds at a time. Change it only with an empty outbox: a key's unsent rows
 *                       written under the old count sit in another partition than its new ones
 * @param batchSize      rows one relay sends from one partition per transaction
 * @param pollInterval   how often a relay looks for rows without being woken (rows of a crashed
 *                       instance, rows committed by other instances)
 * @param initialBackoff the first pause after the broker failed a send; doubled per failure
 * @param maxBackoff     the longest pause while the broker keeps failing
 * @param sendTimeout    how long a relay waits for the broker's confirm before it counts as failed
 * @param retention      how long sent rows are kept before they are deleted (zero: deleted at once)
 */
public record OutboxSettings(String table, int partitions, int batchSize, Duration pollInterval,
        Duration initialBackoff, Duration maxBackoff, Duration sendTimeout, Duration retention) {

    public static final String DEFAULT_TABLE = "switchboard_outbox";

    /** Table names end up in SQL text, so they are restricted to what needs no quoting anywhere. */
    private static final Pattern TABLE_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,50}");

    public OutboxSettings {
        Objects.requireNonNull(table, "table");
        if (!TABLE_NAME.matcher(table).matches()) {
            throw new IllegalArgumentException("outbox table '" + table + "' must be letters, digits and _ "
                    + "(at most 51), starting with a letter or _");
        }
        if (partitions < 1 || batchSize < 1) {
            throw new IllegalArgumentException("partitions and batch size must be at least 1, not " + partitions
                    + " and " + batchSize);
        }
        requirePositive(pollInterval, "poll interval");
        requirePositive(initialBackoff, "initial backoff");
        requirePositive(maxBackoff, "max backoff");
        requirePositive(sendTimeout, "send timeout");
        Objects.requireNonNull(retention, "retention");
        if (retention.isNegative()) {
            throw new IllegalArgumentException("retention must not be negative: " + retention);
        }
    }

    /** 16 partitions, 100 rows a batch, a poll every second, backoff 100 ms to 30 s, sent rows kept an hour. */
    public static OutboxSettings defaults() {
        return new OutboxSettings(DEFAULT_TABLE, 16, 100, Duration.ofSeconds(1), Duration.ofMillis(100),
                Duration.ofSeconds(30), Duration.ofSeconds(30), Duration.ofHours(1));
    }

    public OutboxSettings withTable(String table) {
        return new OutboxSettings(table, partitions, batchSize, pollInterval, initialBackoff, maxBackoff,
                sendTimeout, retention);
    }

    public OutboxSettings withPollInterval(Duration pollInterval) {
        return new OutboxSettings(table, partitions, batchSize, pollInterval, initialBackoff, maxBackoff,
                sendTimeout, retention);
    }

    public OutboxSettings withBackoff(Duration initialBackoff, Duration maxBackoff) {
        return new OutboxSettings(table, partitions, batchSize, pollInterval, initialBackoff, maxBackoff,
                sendTimeout, retention);
    }

    public OutboxSettings withBatchSize(int batchSize) {
        return new OutboxSettings(table, partitions, batchSize, pollInterval, initialBackoff, maxBackoff,
                sendTimeout, retention);
    }

    /** The table holding one lockable row per partition. */
    public String partitionTable() {
        return table + "_partitions";
    }

    /** The partition of a key: keys hash into one partition for good, so one relay at a time sends them. */
    public int partitionOf(String key, String messageId) {
        return Math.floorMod((key != null ? key : messageId).hashCode(), partitions);
    }

    private static void requirePositive(Duration duration, String what) {
        Objects.requireNonNull(duration, what);
        if (duration.isZero() || duration.isNegative()) {
            throw new IllegalArgumentException(what + " must be positive: " + duration);
        }
    }
}
