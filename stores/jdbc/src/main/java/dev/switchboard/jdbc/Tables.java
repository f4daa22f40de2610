package dev.switchboard.jdbc;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import java.util.logging.Logger;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/**
 * Creates a store's table from its shipped script ({@code db/switchboard/<dialect>/<name>.sql},
 * the same files Flyway or Liquibase users copy into their migrations), safely when several
 * instances start at the same moment. {@code CREATE TABLE IF NOT EXISTS} alone is not: on
 * PostgreSQL two sessions creating the same table both pass the check and one fails with a
 * duplicate key in {@code pg_type}. So an existing table is left alone (no DDL rights needed), and
 * a failed creation is retried after a short random pause until the table is there, the other
 * instance's creation counting as success.
 */
public final class Tables {

    private static final Logger log = Logger.getLogger(Tables.class.getName());
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,62}");
    private static final int ATTEMPTS = 8;

    private Tables() {}

    /** {@code table}, when it is a plain SQL identifier (letters, digits, underscores; 63 at most). */
    public static String checkedName(String table) {
        if (table == null || !NAME.matcher(table).matches()) {
            throw new IllegalArgumentException("a table name is letters, digits and underscores, 63 at most: " + table);
        }
        return table;
    }

    /**
     * The script {@code name} of {@code dialect}, with its table {@code shippedTable} (and the
     * indexes named after it) renamed to {@code table}.
     */
    public static String script(DatabaseDialect dialect, String name, String shippedTable, String table) {
        String location = dialect.script(name);
        try (InputStream in = Tables.class.getClassLoader().getResourceAsStream(location)) {
            if (in == null) {
                throw new IllegalStateException("the script " + location + " is missing from the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace(shippedTable, checkedName(table));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + location + ": " + e.getMessage(), e);
        }
    }

    /**
     * Runs {@code script} (statements ending with {@code ;}, {@code --} comments) unless
     * {@code table} exists; returns once it does, whoever created it.
     */
    public static void createIfMissing(DataSource dataSource, String table, String script) {
        checkedName(table);
        SQLException last = null;
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            try (Connection connection = dataSource.getConnection()) {
                if (exists(connection, table)) {
                    return;
                }
                run(connection, script);
                return;
            } catch (SQLException e) {
                last = e;
                String why = e.getMessage();
                log.fine(() -> "creating " + table + " failed (" + why + "); another instance may be creating it");
                pause();
            }
        }
        try (Connection connection = dataSource.getConnection()) {
            if (exists(connection, table)) {
                return;
            }
        } catch (SQLException e) {
            last.addSuppressed(e);
        }
        throw new IllegalStateException("cannot create the table " + table + " (create it with the script "
                + "db/switchboard/<database>/*.sql, or set switchboard.jdbc.initialize-schema=never and migrate): "
                + last.getMessage(), last);
    }

    /** Whether {@code table} exists in the connection's current schema (or database). */
    public static boolean exists(Connection connection, String table) throws SQLException {
        DatabaseMetaData metaData = connection.getMetaData();
        String stored = metaData.storesUpperCaseIdentifiers() ? table.toUpperCase(Locale.ROOT)
                : metaData.storesLowerCaseIdentifiers() ? table.toLowerCase(Locale.ROOT) : table;
        String escape = metaData.getSearchStringEscape();
        String pattern = escape == null ? stored : stored.replace("_", escape + "_");
        try (ResultSet tables = metaData.getTables(connection.getCatalog(), connection.getSchema(), pattern,
                new String[] {"TABLE"})) {
            while (tables.next()) {
                if (tables.getString("TABLE_NAME").equalsIgnoreCase(table)) {
                    return true;
                }
            }
            return false;
        }
    }

    private static void run(Connection connection, String script) throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(true);
        try (Statement statement = connection.createStatement()) {
            for (String sql : statements(script)) {
                statement.execute(sql);
            }
        } finally {
            connection.setAutoCommit(autoCommit);
        }
    }

    /** The statements of a shipped script: {@code --} comment lines dropped, split at {@code ;}. */
    public static List<String> statements(String script) {
        StringBuilder text = new StringBuilder();
        for (String line : script.split("\n")) {
            if (!line.strip().startsWith("--")) {
                text.append(line).append('\n');
            }
        }
        List<String> statements = new ArrayList<>();
        for (String statement : text.toString().split(";")) {
            if (!statement.isBlank()) {
                statements.add(statement.strip());
            }
        }
        return statements;
    }

    private static void pause() {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(20, 200));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating a table", e);
        }
    }
}
