package dev.switchboard.spring.jdbc;

import com.zaxxer.hikari.HikariDataSource;
import dev.switchboard.jdbc.ExpiringStore;
import dev.switchboard.jdbc.idempotency.JdbcIdempotencyStore;
import dev.switchboard.jdbc.inbox.InboxSettings;
import dev.switchboard.jdbc.inbox.JdbcProcessedMessages;
import dev.switchboard.runtime.idempotency.IdempotencyStore;
import dev.switchboard.runtime.messaging.MessageSubscriptions;
import dev.switchboard.runtime.messaging.ProcessedMessages;
import dev.switchboard.spring.messaging.MessagingProperties;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.EmbeddedDatabaseConnection;
import org.springframework.boot.sql.init.DatabaseInitializationMode;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.orm.jpa.JpaTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.util.ClassUtils;

/**
 * The JDBC stores on the application's {@code DataSource} and transaction manager, as Spring Boot
 * configures them: {@code switchboard.messaging.processed-messages=jdbc} (the transactional inbox)
 * and {@code switchboard.rest.idempotency=jdbc} (the shared Idempotency-Key store), their tables
 * ({@code switchboard.jdbc.initialize-schema}) and the scheduled clean-up of expired rows.
 *
 * <p>Ordered before the core starter's configurations, and those declare their in-memory stores
 * only for the {@code memory} settings, so the JDBC stores win whichever way the ordering goes.
 */
@AutoConfiguration(
        beforeName = {"dev.switchboard.spring.SwitchboardAutoConfiguration",
                "dev.switchboard.spring.messaging.SwitchboardMessagingAutoConfiguration"},
        afterName = {"org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
                "org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration",
                "org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration"})
@EnableConfigurationProperties({JdbcStoresProperties.class, InboxProperties.class})
public class SwitchboardJdbcStoresAutoConfiguration {

    /** Deletes expired ids and keys of whichever JDBC stores are in use. */
    @Bean
    JdbcStoresCleanup switchboardJdbcStoresCleanup(ObjectProvider<ExpiringStore> stores,
            JdbcStoresProperties properties) {
        return new JdbcStoresCleanup(stores.orderedStream().toList(), properties.getCleanupInterval());
    }

    static boolean initializes(JdbcStoresProperties properties, DataSource dataSource) {
        DatabaseInitializationMode mode = properties.getInitializeSchema();
        return mode == DatabaseInitializationMode.ALWAYS
                || mode == DatabaseInitializationMode.EMBEDDED && EmbeddedDatabaseConnection.isEmbedded(dataSource);
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty(name = "switchboard.messaging.processed-messages", havingValue = "jdbc")
    static class InboxConfiguration {

        private static final boolean JPA = ClassUtils.isPresent("org.springframework.orm.jpa.JpaTransactionManager",
                InboxConfiguration.class.getClassLoader());

        /**
         * The handlers' transactions are the application's one {@link PlatformTransactionManager}
         * (Boot's {@code JdbcTransactionManager}, or {@code JpaTransactionManager} with JPA; a
         * {@code @Primary} one when there are several), on Boot's {@code DataSource}.
         */
        @Bean
        @ConditionalOnMissingBean(ProcessedMessages.class)
        JdbcProcessedMessages switchboardJdbcProcessedMessages(DataSource dataSource,
                ObjectProvider<PlatformTransactionManager> transactionManagers, InboxProperties inbox,
                JdbcStoresProperties properties) {
            JdbcProcessedMessages processed = new JdbcProcessedMessages(dataSource,
                    transactionManager(transactionManagers, dataSource), new InboxSettings(InboxSettings.TABLE,
                            inbox.getProcessedMessagesLockTimeout(), inbox.getProcessedMessagesRetention()));
            if (initializes(properties, dataSource)) {
                processed.createTableIfMissing();
            }
            return processed;
        }

        @Bean
        @ConditionalOnClass(HikariDataSource.class)
        InboxPoolCheck switchboardInboxPoolCheck(DataSource dataSource,
                ObjectProvider<MessageSubscriptions> subscriptions, ObjectProvider<MessagingProperties> messaging) {
            return new InboxPoolCheck(dataSource, subscriptions,
                    messaging.getIfAvailable(MessagingProperties::new).getConcurrency());
        }

        private static PlatformTransactionManager transactionManager(
                ObjectProvider<PlatformTransactionManager> transactionManagers, DataSource dataSource) {
            PlatformTransactionManager manager = transactionManagers.getIfUnique();
            if (manager == null) {
                throw new IllegalStateException("switchboard.messaging.processed-messages=jdbc runs handlers in "
                        + "transactions of the application's PlatformTransactionManager: there is none, or several "
                        + "and none @Primary");
            }
            DataSource managed = managedDataSource(manager);
            if (managed != null && managed != dataSource) {
                throw new IllegalStateException("switchboard.messaging.processed-messages=jdbc needs the "
                        + "transaction manager of the DataSource it claims ids in; " + manager
                        + " manages another DataSource, so claims and handler work would commit apart");
            }
            return manager;
        }

        /** The DataSource a JDBC or JPA transaction manager binds connections of; null for others (JTA). */
        private static DataSource managedDataSource(PlatformTransactionManager manager) {
            if (manager instanceof DataSourceTransactionManager jdbc) {
                return jdbc.getDataSource();
            }
            if (JPA && manager instanceof JpaTransactionManager jpa) {
                return jpa.getDataSource();
            }
            return null;
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty(name = "switchboard.rest.idempotency", havingValue = "jdbc")
    static class IdempotencyConfiguration {

        @Bean
        @ConditionalOnMissingBean(IdempotencyStore.class)
        JdbcIdempotencyStore switchboardJdbcIdempotencyStore(DataSource dataSource, JdbcStoresProperties properties) {
            JdbcIdempotencyStore store = new JdbcIdempotencyStore(dataSource, JdbcIdempotencyStore.TABLE,
                    JdbcIdempotencyStore.DEFAULT_TTL);
            if (initializes(properties, dataSource)) {
                store.createTableIfMissing();
            }
            return store;
        }
    }
}
