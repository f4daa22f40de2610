package dev.switchboard.spring.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.jdbc.idempotency.JdbcIdempotencyStore;
import dev.switchboard.jdbc.inbox.JdbcProcessedMessages;
import dev.switchboard.runtime.idempotency.IdempotencyClaim;
import dev.switchboard.runtime.idempotency.IdempotencyStore;
import dev.switchboard.runtime.idempotency.InMemoryIdempotencyStore;
import dev.switchboard.runtime.messaging.InMemoryProcessedMessages;
import dev.switchboard.runtime.messaging.MessageSubscriptions;
import dev.switchboard.runtime.messaging.ProcessedMessages;
import dev.switchboard.spring.SwitchboardAutoConfiguration;
import dev.switchboard.spring.messaging.SwitchboardMessagingAutoConfiguration;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The properties put the JDBC stores on Spring Boot's DataSource and transaction manager, against
 * the real PostgreSQL and MariaDB (each run in a schema or database of its own, dropped after);
 * without them the in-memory stores stay.
 */
class SwitchboardJdbcStoresAutoConfigurationTest {

    /** Listed in the reverse of their real order: the ordering must come from the annotations. */
    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(SwitchboardMessagingAutoConfiguration.class,
                    SwitchboardAutoConfiguration.class, SwitchboardJdbcStoresAutoConfiguration.class,
                    DataSourceTransactionManagerAutoConfiguration.class, DataSourceAutoConfiguration.class))
            .withPropertyValues("spring.application.name=points");

    static Stream<Arguments> databases() {
        return Stream.of(
                Arguments.of("PostgreSQL", "jdbc:postgresql://127.0.0.1:5432/test", "postgres"),
                Arguments.of("MariaDB", "jdbc:mariadb://127.0.0.1:3306/test", "root"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void thePropertiesWireTheJdbcStoresOnBootsDataSourceAndTransactionManager(String name, String url, String user)
            throws Exception {
        try (IsolatedDatabase database = IsolatedDatabase.create(url, user)) {
            runner.withPropertyValues("spring.datasource.url=" + database.url(), "spring.datasource.username=" + user,
                            "switchboard.messaging.processed-messages=jdbc", "switchboard.rest.idempotency=jdbc")
                    .run(context -> {
                        assertThat(context).hasNotFailed();
                        DataSource dataSource = context.getBean(DataSource.class);
                        PlatformTransactionManager transactions = context.getBean(PlatformTransactionManager.class);
                        assertThat(transactions).isInstanceOfSatisfying(JdbcTransactionManager.class,
                                boot -> assertThat(boot.getDataSource()).isSameAs(dataSource));
                        assertThat(context.getBean(ProcessedMessages.class)).isInstanceOf(JdbcProcessedMessages.class);
                        assertThat(context.getBean(IdempotencyStore.class)).isInstanceOf(JdbcIdempotencyStore.class);

                        List<String> seen = new ArrayList<>();
                        boolean ran = context.getBean(ProcessedMessages.class).processOnce("points", "e-1", () -> {
                            seen.add("in a transaction: "
                                    + TransactionSynchronizationManager.isActualTransactionActive());
                            seen.add("on Boot's DataSource: "
                                    + TransactionSynchronizationManager.hasResource(dataSource));
                            // uncommitted, so only visible on the claim's own connection
                            seen.add("the claim is on the handler's connection: " + new JdbcTemplate(dataSource)
                                    .queryForObject("SELECT COUNT(*) FROM switchboard_processed_messages",
                                            Integer.class));
                        });
                        assertThat(ran).isTrue();
                        assertThat(seen).containsExactly("in a transaction: true", "on Boot's DataSource: true",
                                "the claim is on the handler's connection: 1");

                        IdempotencyStore keys = context.getBean(IdempotencyStore.class);
                        assertThat(keys.claim("Orders.createOrder", "k-1", "fp"))
                                .isInstanceOf(IdempotencyClaim.Acquired.class);
                        assertThat(context.getBean(JdbcStoresCleanup.class).stores()).hasSize(2);
                        assertThat(context.getBean(JdbcStoresCleanup.class).runOnce()).isZero();
                    });
        }
    }

    @Test
    void withoutThePropertiesTheInMemoryStoresStayEvenWithADataSource() {
        runner.withPropertyValues("spring.datasource.url=jdbc:h2:mem:" + UUID.randomUUID())
                .run(context -> {
                    assertThat(context.getBean(ProcessedMessages.class)).isInstanceOf(InMemoryProcessedMessages.class);
                    assertThat(context.getBean(IdempotencyStore.class)).isInstanceOf(InMemoryIdempotencyStore.class);
                    assertThat(context.getBean(JdbcStoresCleanup.class).stores()).isEmpty();
                });
    }

    @Test
    void neverInitializingLeavesTheTablesToTheApplicationsMigrations() {
        runner.withPropertyValues("spring.datasource.url=jdbc:h2:mem:" + UUID.randomUUID(),
                        "switchboard.messaging.processed-messages=jdbc", "switchboard.jdbc.initialize-schema=never")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    Integer tables = new JdbcTemplate(context.getBean(DataSource.class)).queryForObject(
                            "SELECT COUNT(*) FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_NAME LIKE 'SWITCHBOARD%'",
                            Integer.class);
                    assertThat(tables).isZero();
                });
    }

    @Test
    void aPoolSmallerThanOneSubscriptionsHandlersFailsStartup() {
        runner.withPropertyValues("spring.datasource.url=jdbc:h2:mem:" + UUID.randomUUID(),
                        "spring.datasource.hikari.maximum-pool-size=2", "switchboard.messaging.concurrency=4",
                        "switchboard.messaging.processed-messages=jdbc")
                .withBean(MessageSubscriptions.class, () -> new MessageSubscriptions(() -> () -> {}))
                .run(context -> assertThat(context).getFailure().isInstanceOf(IllegalStateException.class)
                        .hasMessageContaining("maximum-pool-size is 2")
                        .hasMessageContaining("at least 6 (1 subscriptions × 4 + 2)"));
    }

    @Test
    void aTransactionManagerOfAnotherDataSourceFailsStartupRatherThanCommittingApart() {
        DataSource other = new DriverManagerDataSource(
                "jdbc:h2:mem:" + UUID.randomUUID());
        runner.withPropertyValues("spring.datasource.url=jdbc:h2:mem:" + UUID.randomUUID(),
                        "switchboard.messaging.processed-messages=jdbc")
                .withBean(PlatformTransactionManager.class, () -> new JdbcTransactionManager(other))
                .run(context -> assertThat(context).getFailure().rootCause()
                        .hasMessageContaining("manages another DataSource"));
    }

    @Test
    void anApplicationsOwnStoreWins() {
        InMemoryProcessedMessages own = new InMemoryProcessedMessages(10);
        runner.withPropertyValues("spring.datasource.url=jdbc:h2:mem:" + UUID.randomUUID(),
                        "switchboard.messaging.processed-messages=jdbc")
                .withBean(ProcessedMessages.class, () -> own)
                .run(context -> assertThat(context.getBean(ProcessedMessages.class)).isSameAs(own));
    }

    /** A PostgreSQL schema or MariaDB database of its own, so parallel builds never share the stores' tables. */
    private record IsolatedDatabase(String url, String adminUrl, String user, String name) implements AutoCloseable {

        static IsolatedDatabase create(String adminUrl, String user) throws Exception {
            byte[] random = new byte[5];
            ThreadLocalRandom.current().nextBytes(random);
            String name = "sbt_starter_" + HexFormat.of().formatHex(random);
            boolean postgres = adminUrl.startsWith("jdbc:postgresql");
            execute(adminUrl, user, postgres ? "CREATE SCHEMA " + name : "CREATE DATABASE " + name);
            String url = postgres ? adminUrl + "?currentSchema=" + name : adminUrl.replace("/test", "/" + name);
            return new IsolatedDatabase(url, adminUrl, user, name);
        }

        @Override
        public void close() throws Exception {
            execute(adminUrl, user, adminUrl.startsWith("jdbc:postgresql") ? "DROP SCHEMA " + name + " CASCADE"
                    : "DROP DATABASE " + name);
        }

        private static void execute(String url, String user, String sql) throws Exception {
            try (Connection connection = DriverManager.getConnection(url, user, "")) {
                connection.createStatement().execute(sql);
            }
        }
    }
}
