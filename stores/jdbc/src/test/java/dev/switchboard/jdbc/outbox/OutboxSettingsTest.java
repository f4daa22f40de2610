package dev.switchboard.jdbc.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** The relay's backoff, the settings' checks, the scripts' table names and the future's join rule: no table needed. */
class OutboxSettingsTest {

    @Test
    void theRelaysPauseDoublesFromTheInitialBackoffUpToTheMaximum() {
        OutboxSettings settings = OutboxSettings.defaults().withBackoff(Duration.ofMillis(100), Duration.ofSeconds(1));
        try (HikariDataSource unused = Database.H2.dataSource();
                JdbcOutbox outbox = new JdbcOutbox(unused, new RecordingTransport(), settings, null)) {
            assertThat(List.of(1, 2, 3, 4, 5, 40, Integer.MAX_VALUE).stream().map(outbox.relay()::pauseAfter))
                    .containsExactly(100L, 200L, 400L, 800L, 1000L, 1000L, 1000L);
        }
    }

    @Test
    void aKeyAlwaysFallsInTheSamePartitionAndAKeylessMessageByItsId() {
        OutboxSettings settings = OutboxSettings.defaults();

        assertThat(settings.partitionOf("o-1", "id-1")).isEqualTo(settings.partitionOf("o-1", "id-2"))
                .isBetween(0, settings.partitions() - 1);
        assertThat(settings.partitionOf(null, "id-1")).isEqualTo(settings.partitionOf("id-1", "other"));
    }

    @Test
    void tableNamesThatWouldNeedQuotingAreRefused() {
        assertThatThrownBy(() -> OutboxSettings.defaults().withTable("outbox; DROP TABLE orders"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("letters, digits and _");
    }

    @Test
    void theShippedScriptsCreateTheConfiguredTables() {
        for (String database : List.of("postgresql", "mariadb", "h2")) {
            List<String> statements = OutboxSchema.statements(database, "shop_outbox");

            assertThat(statements).hasSize(4).allSatisfy(sql -> assertThat(sql).contains("IF NOT EXISTS")
                    .contains("shop_outbox").doesNotContain("switchboard_outbox"));
            assertThat(statements.get(3)).contains("CREATE TABLE IF NOT EXISTS shop_outbox_partitions");
        }
    }

    @Test
    void outsideTheWritingThreadOrOnceItsTransactionEndedAJoinWaitsAsUsual() throws Exception {
        OutboxFuture.WritingTransaction transaction = new OutboxFuture.WritingTransaction(Thread.currentThread());
        OutboxFuture<Void> future = new OutboxFuture<>(transaction);

        assertThat(future.join()).isNull();
        assertThat(CompletableFuture.supplyAsync(future::insideTheWritingTransaction).get()).isFalse();
        transaction.end();
        assertThat(future.insideTheWritingTransaction()).isFalse();
        future.complete(null);
        assertThat(future.join()).isNull();
    }
}
