package dev.switchboard.jdbc;

import java.util.HexFormat;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Named;
import org.mariadb.jdbc.MariaDbDataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The real databases the stores are tested on: PostgreSQL on 127.0.0.1:5432 and MariaDB on
 * 127.0.0.1:3306 (database {@code test}, started by .ci/services.sh), and an in-memory H2. A
 * database that does not answer fails the test; tables get unique names, as other builds use the
 * same databases at the same time.
 */
public final class TestDatabases {

    private TestDatabases() {}

    /** For {@code @MethodSource}: each database as a named argument. */
    public static Stream<Named<DataSource>> all() {
        return Stream.of(Named.of("PostgreSQL", postgresql()), Named.of("MariaDB", mariadb()), Named.of("H2", h2()));
    }

    public static DataSource postgresql() {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setUrl("jdbc:postgresql://127.0.0.1:5432/test");
        dataSource.setUser("postgres");
        return dataSource;
    }

    public static DataSource mariadb() {
        try {
            MariaDbDataSource dataSource = new MariaDbDataSource("jdbc:mariadb://127.0.0.1:3306/test");
            dataSource.setUser("root");
            dataSource.setPassword("");
            return dataSource;
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public static DataSource h2() {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:switchboard-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        return dataSource;
    }

    /** A table name no other test run uses. */
    public static String uniqueTable(String prefix) {
        byte[] random = new byte[5];
        ThreadLocalRandom.current().nextBytes(random);
        return prefix + "_" + HexFormat.of().formatHex(random);
    }
}
