package dev.switchboard.it.queues;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Every NATS scenario again with {@code switchboard.messaging.processed-messages=jdbc}: the
 * consumers' handlers run in transactions of Boot's transaction manager on the real PostgreSQL
 * (127.0.0.1:5432, a schema of this run's own, dropped after), two instances of a service sharing
 * the processed-message ids.
 */
class NatsJdbcInboxTest extends NatsBrokerTest {

    private static final String POSTGRES = "jdbc:postgresql://127.0.0.1:5432/test";

    private final String schema = "sbt_queues_" + UUID.randomUUID().toString().substring(0, 8);

    @Override
    Map<String, String> broker() {
        Map<String, String> properties = new HashMap<>(super.broker());
        properties.put("switchboard.messaging.processed-messages", "jdbc");
        properties.put("spring.datasource.url", POSTGRES + "?currentSchema=" + schema);
        properties.put("spring.datasource.username", "postgres");
        return properties;
    }

    @Override
    void prepareBroker() throws Exception {
        super.prepareBroker();
        execute("CREATE SCHEMA " + schema);
    }

    /** Checks the ids went to the database (the scenarios alone would pass on the in-memory store too). */
    @Override
    void cleanBroker(List<String> groups) throws Exception {
        super.cleanBroker(groups);
        try (Connection connection = DriverManager.getConnection(POSTGRES, "postgres", "");
                ResultSet claims = connection.createStatement().executeQuery(
                        "SELECT COUNT(DISTINCT consumer_group) FROM " + schema + ".switchboard_processed_messages")) {
            claims.next();
            assertThat(claims.getInt(1)).as("consumer groups with ids in the inbox table").isGreaterThanOrEqualTo(2);
        } finally {
            execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        }
    }

    private static void execute(String sql) throws Exception {
        try (Connection connection = DriverManager.getConnection(POSTGRES, "postgres", "")) {
            connection.createStatement().execute(sql);
        }
    }
}
