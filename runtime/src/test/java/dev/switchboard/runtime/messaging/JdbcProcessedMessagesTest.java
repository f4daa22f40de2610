package dev.switchboard.runtime.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/** The JDBC store against the real PostgreSQL on 127.0.0.1:5432 (started by .ci/services.sh when down). */
class JdbcProcessedMessagesTest {

    private static DataSource postgres() throws SQLException {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setUrl("jdbc:postgresql://127.0.0.1:5432/test");
        dataSource.setUser("postgres");
        try (Connection reachable = DriverManager.getConnection(dataSource.getUrl(), "postgres", null)) {
            assertThat(reachable.isValid(5)).isTrue();
        }
        return dataSource;
    }

    @Test
    void aMessageIsClaimedOncePerGroupAcrossInstancesAndAReleasedClaimCanBeTakenAgain() throws SQLException {
        DataSource database = postgres();
        JdbcProcessedMessages first = new JdbcProcessedMessages(database);
        JdbcProcessedMessages second = new JdbcProcessedMessages(database);
        String id = UUID.randomUUID().toString();

        assertThat(first.claim("inventory", id)).isTrue();
        assertThat(second.claim("inventory", id)).as("another instance of the group").isFalse();
        assertThat(second.claim("points", id)).as("another group").isTrue();

        first.release("inventory", id);
        assertThat(second.claim("inventory", id)).isTrue();
        assertThat(first.forgetOlderThan(Duration.ofDays(3650))).isGreaterThanOrEqualTo(0);
    }
}
