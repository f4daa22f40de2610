package dev.switchboard.jdbc.outbox;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.UUID;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The databases the outbox is tested on: the local PostgreSQL and MariaDB servers (a test fails when
 * they are unreachable) and an in-memory H2. Tables get unique names, so engineers' test runs sharing
 * the servers never meet.
 */
enum Database {
    POSTGRESQL("jdbc:postgresql://127.0.0.1:5432/test", "postgres"),
    MARIADB("jdbc:mariadb://127.0.0.1:3306/test", "root"),
    H2(null, "sa");

    private final String url;
    private final String user;

    Database(String url, String user) {
        this.url = url;
        this.user = user;
    }

    /** A fresh pool (close it); each H2 one is a database of its own, kept while the JVM runs. */
    HikariDataSource dataSource() {
        HikariDataSource pool = new HikariDataSource();
        pool.setJdbcUrl(url != null ? url : "jdbc:h2:mem:outbox-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        pool.setUsername(user);
        pool.setPassword("");
        pool.setMaximumPoolSize(8);
        return pool;
    }

    /** A connection of its own, outside the pool: closing it is what a crashed process does. */
    static Connection physicalConnection(DataSource dataSource) throws SQLException {
        HikariDataSource pool = (HikariDataSource) dataSource;
        return DriverManager.getConnection(pool.getJdbcUrl(), pool.getUsername(), pool.getPassword());
    }

    /** A table name nobody else uses. */
    static String uniqueTable() {
        return "outbox_t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }

    static void drop(DataSource dataSource, OutboxSettings settings) {
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        jdbc.execute("DROP TABLE IF EXISTS " + settings.table());
        jdbc.execute("DROP TABLE IF EXISTS " + settings.partitionTable());
        ((HikariDataSource) dataSource).close();
    }
}
