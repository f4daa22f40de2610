package dev.switchboard.jdbc.idempotency;

import dev.switchboard.jdbc.DatabaseDialect;
import dev.switchboard.jdbc.ExpiringStore;
import dev.switchboard.jdbc.StoredKeys;
import dev.switchboard.jdbc.Tables;
import dev.switchboard.runtime.ErrorCode;
import dev.switchboard.runtime.SwitchboardException;
import dev.switchboard.runtime.idempotency.IdempotencyClaim;
import dev.switchboard.runtime.idempotency.IdempotencyStore;
import dev.switchboard.runtime.idempotency.InMemoryIdempotencyStore;
import dev.switchboard.runtime.idempotency.StoredResponse;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * {@code Idempotency-Key}s in a table every instance of the service sees, so a client retry that
 * the load balancer sends to another instance is replayed (or rejected as a conflict, or asked to
 * wait while the first call runs) instead of running twice. Each statement commits on its own: a
 * claim must be visible to the other instances at once, long before the call it guards ends.
 *
 * <p>A key lives for the same time as in {@link InMemoryIdempotencyStore} (24 hours by default),
 * counted from its claim; an expired key is taken over by the next claim and deleted by the
 * scheduled clean-up. A key claimed by an instance that died before completing stays in progress
 * until it expires, as it would have in that instance's memory.
 */
public final class JdbcIdempotencyStore implements IdempotencyStore, ExpiringStore {

    public static final String TABLE = "switchboard_idempotency_keys";
    public static final Duration DEFAULT_TTL = InMemoryIdempotencyStore.DEFAULT_TTL;

    private static final int DELETE_BATCH = 5_000;
    /** Claims racing a release or an expiry re-read the row; past this, the caller is asked to retry. */
    private static final int CLAIM_ROUNDS = 3;

    private final DataSource dataSource;
    private final JdbcTemplate jdbc;
    private final DatabaseDialect dialect;
    private final String table;
    private final Duration ttl;
    private final Clock clock;

    public JdbcIdempotencyStore(DataSource dataSource, String table, Duration ttl) {
        this(dataSource, table, ttl, DatabaseDialect.of(dataSource), Clock.systemUTC());
    }

    public JdbcIdempotencyStore(DataSource dataSource, String table, Duration ttl, DatabaseDialect dialect,
            Clock clock) {
        this.dataSource = dataSource;
        this.jdbc = new JdbcTemplate(dataSource);
        this.dialect = dialect;
        this.table = Tables.checkedName(table);
        if (ttl.isNegative() || ttl.isZero()) {
            throw new IllegalArgumentException("the time to live must be positive, got " + ttl);
        }
        this.ttl = ttl;
        this.clock = clock;
    }

    /** Creates the keys' table from the shipped script unless it exists; safe when instances start together. */
    public void createTableIfMissing() {
        Tables.createIfMissing(dataSource, table, Tables.script(dialect, "idempotency_keys", TABLE, table));
    }

    /** A database that cannot be asked is {@code UNAVAILABLE} (503, retryable), not a server bug. */
    @Override
    public IdempotencyClaim claim(String scope, String key, String fingerprint) {
        try {
            return claimOnce(scope, key, fingerprint);
        } catch (DataAccessException e) {
            throw new SwitchboardException(ErrorCode.UNAVAILABLE, ErrorCode.UNAVAILABLE.name(),
                    "the Idempotency-Key store cannot be reached: " + e.getMessage(), Map.of(), e);
        }
    }

    private IdempotencyClaim claimOnce(String scope, String key, String fingerprint) {
        String storedScope = StoredKeys.bounded(scope);
        String storedKey = StoredKeys.bounded(key);
        String storedFingerprint = StoredKeys.bounded(fingerprint);
        for (int round = 0; round < CLAIM_ROUNDS; round++) {
            Instant now = clock.instant();
            try {
                jdbc.update("INSERT INTO " + table + " (scope, idempotency_key, fingerprint, expires_at) "
                        + "VALUES (?, ?, ?, ?)", storedScope, storedKey, storedFingerprint,
                        Timestamp.from(now.plus(ttl)));
                return new IdempotencyClaim.Acquired();
            } catch (DuplicateKeyException taken) {
                // read below what holds the key
            }
            List<Row> rows = jdbc.query("SELECT fingerprint, status, headers, body, expires_at FROM " + table
                    + " WHERE scope = ? AND idempotency_key = ?", (rs, n) -> new Row(rs.getString(1),
                    (Integer) rs.getObject(2), rs.getString(3), rs.getBytes(4), rs.getTimestamp(5)),
                    storedScope, storedKey);
            if (rows.isEmpty()) {
                continue; // released meanwhile
            }
            Row row = rows.get(0);
            if (!row.expiresAt().toInstant().isAfter(now)) {
                if (takeOver(storedScope, storedKey, storedFingerprint, row.expiresAt(), now)) {
                    return new IdempotencyClaim.Acquired();
                }
                continue;
            }
            if (!row.fingerprint().equals(storedFingerprint)) {
                return new IdempotencyClaim.Conflict();
            }
            return row.status() == null ? new IdempotencyClaim.InProgress()
                    : new IdempotencyClaim.Replay(new StoredResponse(row.status(), headers(row.headers()),
                            row.body() == null ? new byte[0] : row.body()));
        }
        return new IdempotencyClaim.InProgress();
    }

    /** Claims an expired key, unless another instance took it over first (its expiry changed). */
    private boolean takeOver(String scope, String key, String fingerprint, Timestamp expired, Instant now) {
        return jdbc.update("UPDATE " + table + " SET fingerprint = ?, status = NULL, headers = NULL, body = NULL, "
                + "expires_at = ? WHERE scope = ? AND idempotency_key = ? AND expires_at = ?",
                fingerprint, Timestamp.from(now.plus(ttl)), scope, key, expired) == 1;
    }

    @Override
    public void complete(String scope, String key, StoredResponse response) {
        jdbc.update("UPDATE " + table + " SET status = ?, headers = ?, body = ? WHERE scope = ? AND idempotency_key = ?"
                + " AND status IS NULL", response.status(), headerLines(response.headers()), response.body(),
                StoredKeys.bounded(scope), StoredKeys.bounded(key));
    }

    @Override
    public void release(String scope, String key) {
        jdbc.update("DELETE FROM " + table + " WHERE scope = ? AND idempotency_key = ? AND status IS NULL",
                StoredKeys.bounded(scope), StoredKeys.bounded(key));
    }

    /** Deletes expired keys in batches; several instances may run it at once. */
    @Override
    public int removeExpired() {
        String delete = dialect.deleteBefore(table, "expires_at", DELETE_BATCH);
        Timestamp now = Timestamp.from(clock.instant());
        int total = 0;
        int deleted;
        do {
            deleted = jdbc.update(delete, now);
            total += deleted;
        } while (deleted == DELETE_BATCH);
        return total;
    }

    /** {@code name: value} lines: header values hold no line breaks. */
    private static String headerLines(Map<String, String> headers) {
        StringBuilder lines = new StringBuilder();
        headers.forEach((name, value) -> lines.append(name).append(": ").append(value).append('\n'));
        return lines.toString();
    }

    private static Map<String, String> headers(String lines) {
        Map<String, String> headers = new LinkedHashMap<>();
        if (lines != null) {
            for (String line : lines.split("\n")) {
                int colon = line.indexOf(": ");
                if (colon > 0) {
                    headers.put(line.substring(0, colon), line.substring(colon + 2));
                }
            }
        }
        return headers;
    }

    private record Row(String fingerprint, Integer status, String headers, byte[] body, Timestamp expiresAt) {}
}
