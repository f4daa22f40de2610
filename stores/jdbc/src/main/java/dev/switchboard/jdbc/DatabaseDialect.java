package dev.switchboard.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import javax.sql.DataSource;

/**
 * The databases the JDBC stores speak: where their table scripts live and the few statements
 * that differ (deleting in batches; waiting on a row lock, see the inbox). Others fail at startup
 * rather than half-working.
 */
public enum DatabaseDialect {

    POSTGRESQL("postgresql"),
    MARIADB("mariadb"),
    H2("h2");

    private final String folder;

    DatabaseDialect(String folder) {
        this.folder = folder;
    }

    /** The dialect of the database behind {@code dataSource}, asked over one connection. */
    public static DatabaseDialect of(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            return named(connection.getMetaData().getDatabaseProductName());
        } catch (SQLException e) {
            throw new IllegalStateException("cannot tell which database the JDBC stores use: " + e.getMessage(), e);
        }
    }

    /** By {@link java.sql.DatabaseMetaData#getDatabaseProductName()}. */
    public static DatabaseDialect named(String productName) {
        String name = productName.toLowerCase(Locale.ROOT);
        if (name.contains("postgresql")) {
            return POSTGRESQL;
        }
        if (name.contains("mariadb")) {
            return MARIADB;
        }
        if (name.equals("h2")) {
            return H2;
        }
        throw new IllegalStateException("the JDBC stores support PostgreSQL, MariaDB and H2, not " + productName);
    }

    /** The classpath location of one of this dialect's table scripts, e.g. {@code processed_messages}. */
    public String script(String name) {
        return "db/switchboard/" + folder + "/" + name + ".sql";
    }

    /**
     * Deletes at most {@code batch} rows whose {@code column} is before the statement's one
     * parameter: a clean-up that never holds locks on millions of rows at once.
     */
    public String deleteBefore(String table, String column, int batch) {
        return switch (this) {
            case POSTGRESQL -> "DELETE FROM " + table + " WHERE ctid IN (SELECT ctid FROM " + table
                    + " WHERE " + column + " < ? LIMIT " + batch + ")";
            case MARIADB -> "DELETE FROM " + table + " WHERE " + column + " < ? LIMIT " + batch;
            case H2 -> "DELETE FROM " + table + " WHERE " + column + " < ? FETCH FIRST " + batch + " ROWS ONLY";
        };
    }
}
