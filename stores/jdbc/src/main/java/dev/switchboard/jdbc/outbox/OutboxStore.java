package dev.switchboard.jdbc.outbox;

import dev.switchboard.runtime.messaging.Message;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The outbox's SQL, portable across PostgreSQL, MariaDB and H2. Every statement goes through a
 * {@link JdbcTemplate} on the application's {@link DataSource}, so it runs in the transaction bound
 * to the calling thread, if any: the application's for {@link #append}, the relay's for the rest.
 */
final class OutboxStore {

    private static final TypeReference<Map<String, String>> HEADERS = new TypeReference<>() {};

    private final JdbcTemplate jdbc;
    private final JdbcTemplate batches;
    private final OutboxSettings settings;
    private final JsonMapper json = JsonMapper.builder().build();
    private final String table;

    OutboxStore(DataSource dataSource, OutboxSettings settings) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.batches = new JdbcTemplate(dataSource);
        this.batches.setMaxRows(settings.batchSize());
        this.settings = settings;
        this.table = settings.table();
    }

    /** Writes {@code message} in the caller's transaction (or on its own when there is none). */
    void append(String destination, Message message, long now) {
        jdbc.update("INSERT INTO " + table + " (partition_id, destination, event_id, event_type, source, subject, "
                        + "event_time, content_type, headers, payload, created_at, attempts) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)",
                settings.partitionOf(message.subject(), message.id()), destination, message.id(), message.type(),
                message.source(), message.subject(), message.time().toString(), message.contentType(),
                json.writeValueAsString(new LinkedHashMap<>(message.headers())), message.payload(), now);
    }

    /** Makes sure every partition has its lock row; instances racing to insert one leave one. */
    void ensurePartitions() {
        List<Integer> existing = jdbc.queryForList("SELECT partition_id FROM " + settings.partitionTable(),
                Integer.class);
        for (int partition = 0; partition < settings.partitions(); partition++) {
            if (!existing.contains(partition)) {
                try {
                    jdbc.update("INSERT INTO " + settings.partitionTable() + " (partition_id) VALUES (?)", partition);
                } catch (DuplicateKeyException anotherInstanceWasFaster) {
                    // the row exists, which is all that is needed
                }
            }
        }
    }

    /**
     * Locks {@code partition} for the current transaction, or returns false at once when another
     * relay holds it (SKIP LOCKED: PostgreSQL, MariaDB 10.6+, H2 2.x).
     */
    boolean lock(int partition) {
        return !jdbc.queryForList("SELECT partition_id FROM " + settings.partitionTable()
                + " WHERE partition_id = ? FOR UPDATE SKIP LOCKED", Integer.class, partition).isEmpty();
    }

    /** The partition's oldest unsent rows, in write order. */
    List<OutboxRow> unsent(int partition) {
        return batches.query("SELECT id, destination, event_id, event_type, source, subject, event_time, content_type, "
                + "headers, payload FROM " + table + " WHERE partition_id = ? AND sent_at IS NULL ORDER BY id",
                (rs, row) -> new OutboxRow(rs.getLong("id"), rs.getString("destination"), new Message(
                        rs.getString("event_id"), rs.getString("event_type"), rs.getString("source"),
                        rs.getString("subject"), Instant.parse(rs.getString("event_time")),
                        rs.getString("content_type"), json.readValue(rs.getString("headers"), HEADERS),
                        rs.getBytes("payload"))),
                partition);
    }

    void markSent(List<Long> ids, long now) {
        jdbc.batchUpdate("UPDATE " + table + " SET sent_at = ?, attempts = attempts + 1 WHERE id = ?",
                ids.stream().map(id -> new Object[] {now, id}).toList());
    }

    void recordFailure(long id, String reason) {
        String text = reason == null ? "unknown" : reason;
        jdbc.update("UPDATE " + table + " SET attempts = attempts + 1, last_error = ? WHERE id = ?",
                text.length() > 1000 ? text.substring(0, 1000) : text, id);
    }

    /** Unsent rows per producing service (CloudEvent source): how many, and the oldest one's write time. */
    Map<String, Backlog> backlog() {
        Map<String, Backlog> backlog = new LinkedHashMap<>();
        jdbc.query("SELECT source, COUNT(*) AS depth, MIN(created_at) AS oldest FROM " + table
                + " WHERE sent_at IS NULL GROUP BY source", rs -> {
                    backlog.put(rs.getString("source"), new Backlog(rs.getLong("depth"), rs.getLong("oldest")));
                });
        return backlog;
    }

    /** Deletes rows sent before {@code before} (epoch millis); returns how many. */
    int deleteSentBefore(long before) {
        return jdbc.update("DELETE FROM " + table + " WHERE sent_at IS NOT NULL AND sent_at < ?", before);
    }

    /** @param oldest the oldest unsent row's write time, epoch millis */
    record Backlog(long depth, long oldest) {}
}
