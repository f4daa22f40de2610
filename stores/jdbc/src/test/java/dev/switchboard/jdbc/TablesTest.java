package dev.switchboard.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.jdbc.idempotency.JdbcIdempotencyStore;
import dev.switchboard.jdbc.inbox.InboxSettings;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.jdbc.core.JdbcTemplate;

/** Creating the stores' tables when many instances start at the same moment, on each database. */
class TablesTest {

    private static final int INSTANCES = 12;

    @ParameterizedTest
    @MethodSource("dev.switchboard.jdbc.TestDatabases#all")
    void manyInstancesCreatingTheSameTablesAtOnceAllStartAndTheTablesAreThere(DataSource database) throws Exception {
        DatabaseDialect dialect = DatabaseDialect.of(database);
        for (int round = 0; round < 3; round++) {
            String inbox = TestDatabases.uniqueTable("sbt_in");
            String keys = TestDatabases.uniqueTable("sbt_ik");
            CyclicBarrier together = new CyclicBarrier(INSTANCES);
            ExecutorService instances = Executors.newFixedThreadPool(INSTANCES);
            try {
                List<Future<?>> started = new ArrayList<>();
                for (int i = 0; i < INSTANCES; i++) {
                    started.add(instances.submit(() -> {
                        together.await();
                        Tables.createIfMissing(database, inbox,
                                Tables.script(dialect, "processed_messages", InboxSettings.TABLE, inbox));
                        Tables.createIfMissing(database, keys,
                                Tables.script(dialect, "idempotency_keys", JdbcIdempotencyStore.TABLE, keys));
                        return null;
                    }));
                }
                for (Future<?> instance : started) {
                    instance.get();
                }
                try (Connection connection = database.getConnection()) {
                    assertThat(Tables.exists(connection, inbox)).isTrue();
                    assertThat(Tables.exists(connection, keys)).isTrue();
                }
            } finally {
                instances.shutdownNow();
                drop(database, inbox, keys);
            }
        }
    }

    @ParameterizedTest
    @MethodSource("dev.switchboard.jdbc.TestDatabases#all")
    void anExistingTableIsLeftAlone(DataSource database) throws Exception {
        String table = TestDatabases.uniqueTable("sbt_in");
        try {
            new JdbcTemplate(database).execute("CREATE TABLE " + table + " (kept INT)");
            Tables.createIfMissing(database, table, "THIS IS NOT SQL;");
            try (Connection connection = database.getConnection()) {
                assertThat(Tables.exists(connection, table)).isTrue();
                assertThat(Tables.exists(connection, table + "_other")).isFalse();
            }
        } finally {
            drop(database, table);
        }
    }

    @Test
    void aScriptIsSplitIntoItsStatementsWithoutComments() {
        assertThat(Tables.statements("-- what it is\nCREATE TABLE a (x INT);\n-- why\nCREATE INDEX i\n ON a (x);\n"))
                .containsExactly("CREATE TABLE a (x INT)", "CREATE INDEX i\n ON a (x)");
    }

    @Test
    void aTableNameIsAPlainIdentifier() {
        assertThat(Tables.checkedName("switchboard_processed_messages")).isEqualTo("switchboard_processed_messages");
        assertThatThrownBy(() -> Tables.checkedName("t; DROP TABLE x")).isInstanceOf(IllegalArgumentException.class);
    }

    static void drop(DataSource database, String... tables) {
        JdbcTemplate jdbc = new JdbcTemplate(database);
        for (String table : tables) {
            jdbc.execute("DROP TABLE IF EXISTS " + table);
        }
    }
}
