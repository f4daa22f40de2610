package dev.switchboard.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DatabaseDialectTest {

    @Test
    void theDialectComesFromTheDriversProductName() {
        assertThat(DatabaseDialect.named("PostgreSQL")).isEqualTo(DatabaseDialect.POSTGRESQL);
        assertThat(DatabaseDialect.named("MariaDB")).isEqualTo(DatabaseDialect.MARIADB);
        assertThat(DatabaseDialect.named("H2")).isEqualTo(DatabaseDialect.H2);
        assertThat(DatabaseDialect.MARIADB.script("processed_messages"))
                .isEqualTo("db/switchboard/mariadb/processed_messages.sql");
    }

    @Test
    void anotherDatabaseFailsWithTheOnesSupported() {
        assertThatThrownBy(() -> DatabaseDialect.named("Oracle"))
                .hasMessage("the JDBC stores support PostgreSQL, MariaDB and H2, not Oracle");
    }
}
