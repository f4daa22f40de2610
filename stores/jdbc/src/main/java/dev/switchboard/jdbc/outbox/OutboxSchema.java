package dev.switchboard.jdbc.outbox;

import dev.switchboard.jdbc.DatabaseDialect;
import dev.switchboard.jdbc.Tables;
import java.util.List;
import java.util.Locale;
import javax.sql.DataSource;

/**
 * Creates the outbox tables from the same scripts shipped for Flyway and Liquibase users
 * ({@code db/switchboard/<database>/outbox.sql}), with the configured table name, through
 * {@link Tables#createIfMissing}: safe when instances start together. The partitions table is the
 * script's last, so once it exists the whole script has run.
 */
public final class OutboxSchema {

    private OutboxSchema() {}

    /** Creates what is missing of the outbox tables. */
    public static void create(DataSource dataSource, OutboxSettings settings) {
        Tables.createIfMissing(dataSource, settings.table() + "_partitions",
                script(DatabaseDialect.of(dataSource), settings.table()));
    }

    /** The script's statements for {@code database} ({@code postgresql}, {@code mariadb}, {@code h2}). */
    static List<String> statements(String database, String table) {
        return Tables.statements(script(DatabaseDialect.valueOf(database.toUpperCase(Locale.ROOT)), table));
    }

    private static String script(DatabaseDialect dialect, String table) {
        return Tables.script(dialect, "outbox", OutboxSettings.DEFAULT_TABLE, table);
    }
}
