package dev.switchboard.runtime.messaging;

import dev.switchboard.runtime.messaging.ProcessedMessages;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import javax.sql.DataSource;

/**
 * The processed-message ids of consumer groups in a database table, for groups whose instances
 * share the work (each sees the others' claims) or must not forget them on restart. A claim is an
 * insert that the primary key lets through once; a released claim is deleted. Plain JDBC with
 * portable SQL: PostgreSQL, MariaDB, H2 alike.
 */
public final class JdbcProcessedMessages implements ProcessedMessages {

    public static final String TABLE = "switchboard_processed_messages";

    private final DataSource dataSource;

    /** Creates the table when it does not exist yet. */
    public JdbcProcessedMessages(DataSource dataSource) {
        this.dataSource = dataSource;
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE IF NOT EXISTS " + TABLE + " ("
                    + "consumer_group VARCHAR(200) NOT NULL, "
                    + "message_id VARCHAR(200) NOT NULL, "
                    + "processed_at TIMESTAMP NOT NULL, "
                    + "PRIMARY KEY (consumer_group, message_id))");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create the table " + TABLE + ": " + e.getMessage(), e);
        }
    }

    @Override
    public boolean claim(String group, String messageId) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement(
                        "INSERT INTO " + TABLE + " (consumer_group, message_id, processed_at) VALUES (?, ?, ?)")) {
            insert.setString(1, group);
            insert.setString(2, messageId);
            insert.setTimestamp(3, Timestamp.from(Instant.now()));
            insert.executeUpdate();
            return true;
        } catch (SQLException e) {
            if (isDuplicateKey(e)) {
                return false;
            }
            throw new IllegalStateException("cannot record message " + messageId + " of " + group + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void release(String group, String messageId) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement delete = connection.prepareStatement(
                        "DELETE FROM " + TABLE + " WHERE consumer_group = ? AND message_id = ?")) {
            delete.setString(1, group);
            delete.setString(2, messageId);
            delete.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot release message " + messageId + " of " + group + ": " + e.getMessage(), e);
        }
    }

    /** Forgets claims older than {@code age}; brokers do not redeliver that late. Returns how many. */
    public int forgetOlderThan(Duration age) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement delete = connection.prepareStatement("DELETE FROM " + TABLE + " WHERE processed_at < ?")) {
            delete.setTimestamp(1, Timestamp.from(Instant.now().minus(age)));
            return delete.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot forget old claims: " + e.getMessage(), e);
        }
    }

    /** SQLSTATE class 23 is an integrity constraint violation: here, the primary key. */
    private static boolean isDuplicateKey(SQLException e) {
        return e.getSQLState() != null && e.getSQLState().startsWith("23");
    }
}
