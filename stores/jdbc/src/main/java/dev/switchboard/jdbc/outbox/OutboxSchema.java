package dev.switchboard.jdbc.outbox;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import javax.sql.DataSource;

/**
 * Creates the outbox tables from the same scripts shipped for Flyway and Liquibase users
 * ({@code db/switchboard/<database>/outbox.sql}), with the configured table name.
 *
 * <p>Instances starting together may race: PostgreSQL's {@code CREATE TABLE IF NOT EXISTS} can still
 * fail with a duplicate in its catalog when another session creates the table at the same moment. Every
 * statement is idempotent, so a failed run is simply run again after a pause: the second run finds
 * what the other instance created and succeeds, and only a failure that persists is reported.
 */
public final class OutboxSchema {

    private static final int ATTEMPTS = 4;

    private OutboxSchema() {}

    /** Creates what is missing of the outbox tables. */
    public static void create(DataSource dataSource, OutboxSettings settings) {
        SQLException last = null;
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            try (Connection connection = dataSource.getConnection()) {
                connection.setAutoCommit(true);
                List<String> statements = statements(database(connection), settings.table());
                try (Statement statement = connection.createStatement()) {
                    for (String sql : statements) {
                        statement.execute(sql);
                    }
                }
                return;
            } catch (SQLException racedOrFailed) {
                last = racedOrFailed;
                pause(attempt);
            }
        }
        throw new IllegalStateException("cannot create the outbox table " + settings.table() + ": "
                + last.getMessage() + " (or set switchboard.jdbc.initialize-schema=never and run "
                + "db/switchboard/<database>/outbox.sql yourself)", last);
    }

    /** The script's statements for {@code database} ({@code postgresql}, {@code mariadb}, {@code h2}). */
    static List<String> statements(String database, String table) {
        String script;
        String resource = "/db/switchboard/" + database + "/outbox.sql";
        try (InputStream in = OutboxSchema.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("no " + resource);
            }
            script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String withoutComments = script.lines().filter(line -> !line.strip().startsWith("--"))
                .collect(Collectors.joining("\n"));
        return Arrays.stream(withoutComments.split(";")).map(String::strip).filter(sql -> !sql.isEmpty())
                .map(sql -> sql.replace(OutboxSettings.DEFAULT_TABLE, table)).toList();
    }

    /** The scripts' directory for the connected database. */
    static String database(Connection connection) throws SQLException {
        String product = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
        if (product.contains("postgres")) {
            return "postgresql";
        }
        if (product.contains("mariadb") || product.contains("mysql")) {
            return "mariadb";
        }
        if (product.contains("h2")) {
            return "h2";
        }
        throw new IllegalStateException("the outbox runs on PostgreSQL, MariaDB or H2, not on " + product);
    }

    private static void pause(int attempt) {
        try {
            Thread.sleep(100L * attempt);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating the outbox table", e);
        }
    }
}
