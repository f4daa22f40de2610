package dev.switchboard.spring.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.jdbc.inbox.JdbcProcessedMessages;
import dev.switchboard.runtime.messaging.ProcessedMessages;
import dev.switchboard.spring.SwitchboardAutoConfiguration;
import dev.switchboard.spring.jdbc.jpa.Reservation;
import dev.switchboard.spring.messaging.SwitchboardMessagingAutoConfiguration;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.persistence.autoconfigure.EntityScan;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.orm.jpa.JpaTransactionManager;
import org.springframework.orm.jpa.SharedEntityManagerCreator;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * With JPA on the class path Spring Boot's transaction manager is JPA's, and the inbox runs on it:
 * a handler's JPA writes commit with the claim and roll back with it, on the real PostgreSQL (a
 * schema of this run's own, dropped after).
 */
class JpaInboxTest {

    private static final String POSTGRES = "jdbc:postgresql://127.0.0.1:5432/test";

    @Configuration(proxyBeanMethods = false)
    @EntityScan(basePackageClasses = Reservation.class)
    static class Entities {}

    @Test
    void aHandlersJpaWritesCommitAndRollBackWithTheClaim() throws Exception {
        String schema = "sbt_jpa_" + UUID.randomUUID().toString().substring(0, 8);
        execute("CREATE SCHEMA " + schema);
        try {
            new ApplicationContextRunner()
                    .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class,
                            HibernateJpaAutoConfiguration.class, DataSourceTransactionManagerAutoConfiguration.class,
                            SwitchboardAutoConfiguration.class, SwitchboardMessagingAutoConfiguration.class,
                            SwitchboardJdbcStoresAutoConfiguration.class))
                    .withUserConfiguration(Entities.class)
                    .withPropertyValues("spring.datasource.url=" + POSTGRES + "?currentSchema=" + schema,
                            "spring.datasource.username=postgres", "spring.jpa.hibernate.ddl-auto=create",
                            "switchboard.messaging.processed-messages=jdbc")
                    .run(context -> {
                        assertThat(context).hasNotFailed();
                        assertThat(context.getBean(PlatformTransactionManager.class))
                                .isInstanceOf(JpaTransactionManager.class);
                        ProcessedMessages inbox = context.getBean(ProcessedMessages.class);
                        assertThat(inbox).isInstanceOf(JdbcProcessedMessages.class);
                        EntityManager entities = SharedEntityManagerCreator.createSharedEntityManager(
                                context.getBean(EntityManagerFactory.class));
                        JdbcTemplate jdbc = new JdbcTemplate(context.getBean(DataSource.class));
                        List<Integer> seenInside = new ArrayList<>();

                        assertThat(inbox.processOnce("points", "e-1", () -> {
                            entities.persist(new Reservation("e-1"));
                            entities.flush();
                            // the JPA row, not yet committed, on the connection the claim went through
                            seenInside.add(jdbc.queryForObject("SELECT COUNT(*) FROM sbt_reservation r JOIN "
                                    + "switchboard_processed_messages p ON p.message_id = r.message_id",
                                    Integer.class));
                        })).isTrue();
                        assertThatThrownBy(() -> inbox.processOnce("points", "e-2", () -> {
                            entities.persist(new Reservation("e-2"));
                            entities.flush();
                            throw new IllegalStateException("the handler fails after its write");
                        })).hasMessage("the handler fails after its write");

                        assertThat(seenInside).containsExactly(1);
                        assertThat(jdbc.queryForList("SELECT message_id FROM sbt_reservation", String.class))
                                .containsExactly("e-1");
                        assertThat(jdbc.queryForList("SELECT message_id FROM switchboard_processed_messages",
                                String.class)).containsExactly("e-1");
                    });
        } finally {
            execute("DROP SCHEMA " + schema + " CASCADE");
        }
    }

    private static void execute(String sql) throws Exception {
        try (Connection connection = DriverManager.getConnection(POSTGRES, "postgres", "")) {
            connection.createStatement().execute(sql);
        }
    }
}
