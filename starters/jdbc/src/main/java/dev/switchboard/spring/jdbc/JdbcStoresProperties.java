package dev.switchboard.spring.jdbc;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.sql.init.DatabaseInitializationMode;

/** {@code switchboard.jdbc.*}: how the JDBC stores treat their tables in the application's database. */
@ConfigurationProperties("switchboard.jdbc")
public class JdbcStoresProperties {

    /**
     * Whether the stores create their tables at startup when missing, like Spring Boot's
     * {@code spring.sql.init.mode}: {@code always} (the default, safe when instances start
     * together), {@code embedded} (only on an embedded database) or {@code never} (the tables come
     * from the application's migrations: copy {@code db/switchboard/<database>/*.sql}).
     */
    private DatabaseInitializationMode initializeSchema = DatabaseInitializationMode.ALWAYS;

    /**
     * How often each instance deletes expired rows (processed-message ids past their retention,
     * idempotency keys past their time to live), on one scheduler thread. Deletes by age are safe
     * from any number of instances at once.
     */
    private Duration cleanupInterval = Duration.ofHours(1);

    public DatabaseInitializationMode getInitializeSchema() {
        return initializeSchema;
    }

    public void setInitializeSchema(DatabaseInitializationMode initializeSchema) {
        this.initializeSchema = initializeSchema;
    }

    public Duration getCleanupInterval() {
        return cleanupInterval;
    }

    public void setCleanupInterval(Duration cleanupInterval) {
        this.cleanupInterval = cleanupInterval;
    }
}
