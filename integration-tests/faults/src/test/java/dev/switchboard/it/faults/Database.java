package dev.switchboard.it.faults;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A fresh PostgreSQL schema per test class (other engineers' runs share the database): the shop's
 * {@code orders}, {@code effects} and {@code audits} tables, without unique keys so that anything done twice shows
 * as two rows, and the queries that count them. Fails when PostgreSQL is unreachable.
 */
final class Database implements AutoCloseable {

    private static final String URL = "jdbc:postgresql://127.0.0.1:5432/test";
    private static final String USER = "postgres";

    private final String schema;

    private Database(String schema) {
        this.schema = schema;
    }

    /** A new schema named after {@code label}, with the shop's tables; the stores add theirs at startup. */
    static Database fresh(String label) {
        Database database = new Database("faults_" + label + "_" + UUID.randomUUID().toString().substring(0, 8));
        execute("CREATE SCHEMA " + database.schema,
                "CREATE TABLE " + database.schema + ".orders (order_id VARCHAR(100) NOT NULL, sku VARCHAR(100),"
                        + " accepted_by VARCHAR(20) NOT NULL, created_at TIMESTAMP DEFAULT now())",
                "CREATE TABLE " + database.schema + ".effects (order_id VARCHAR(100) NOT NULL,"
                        + " handled_by VARCHAR(20) NOT NULL, handled_at TIMESTAMP DEFAULT now())",
                "CREATE TABLE " + database.schema + ".audits (order_id VARCHAR(100) NOT NULL,"
                        + " handled_by VARCHAR(20) NOT NULL, handled_at TIMESTAMP DEFAULT now())");
        return database;
    }

    /** The instances' DataSource on this schema, a small pool (the database is shared). */
    Map<String, String> properties() {
        return Map.of("spring.datasource.url", URL + "?currentSchema=" + schema,
                "spring.datasource.username", USER,
                "spring.datasource.hikari.maximum-pool-size", "6");
    }

    /** Rows in {@code orders} per order id, of the orders whose id starts with {@code prefix}. */
    Map<String, Integer> orders(String prefix) {
        return countById("orders", prefix);
    }

    /** Rows in {@code effects} per order id, of the orders whose id starts with {@code prefix}. */
    Map<String, Integer> effects(String prefix) {
        return countById("effects", prefix);
    }

    /** Rows in {@code audits} (the batch handler's) per order id, of the orders whose id starts with {@code prefix}. */
    Map<String, Integer> audits(String prefix) {
        return countById("audits", prefix);
    }

    /** Effects written by instance {@code instance}, of the orders whose id starts with {@code prefix}. */
    int effectsBy(String instance, String prefix) {
        int[] count = new int[1];
        query("SELECT count(*) FROM " + schema + ".effects WHERE order_id LIKE ? AND handled_by = ?",
                rows -> count[0] = rows.getInt(1), prefix + "%", instance);
        return count[0];
    }

    /** Outbox rows the relays have not had confirmed yet: orders lost before or after the broker took them. */
    int unsentOutboxRows() {
        int[] count = new int[1];
        query("SELECT count(*) FROM " + schema + ".switchboard_outbox WHERE sent_at IS NULL",
                rows -> count[0] = rows.getInt(1));
        return count[0];
    }

    /** The schema's tables, the stores' included. */
    List<String> tables() {
        List<String> tables = new ArrayList<>();
        query("SELECT table_name FROM information_schema.tables WHERE table_schema = ? ORDER BY table_name",
                rows -> tables.add(rows.getString(1)), schema);
        return tables;
    }

    private Map<String, Integer> countById(String table, String prefix) {
        Map<String, Integer> counts = new HashMap<>();
        query("SELECT order_id, count(*) FROM " + schema + "." + table + " WHERE order_id LIKE ? GROUP BY order_id",
                rows -> counts.put(rows.getString(1), rows.getInt(2)), prefix + "%");
        return counts;
    }

    private interface Row {
        void read(ResultSet row) throws SQLException;
    }

    private static void query(String sql, Row row, String... parameters) {
        try (Connection connection = DriverManager.getConnection(URL, USER, "");
                PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setString(i + 1, parameters[i]);
            }
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    row.read(rows);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot query PostgreSQL at " + URL + ": " + e.getMessage(), e);
        }
    }

    private static void execute(String... statements) {
        try (Connection connection = DriverManager.getConnection(URL, USER, "");
                Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot prepare PostgreSQL at " + URL + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
    }
}
