package dev.switchboard.jdbc.idempotency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.jdbc.DatabaseDialect;
import dev.switchboard.jdbc.TestDatabases;
import dev.switchboard.runtime.ErrorCode;
import dev.switchboard.runtime.SwitchboardException;
import dev.switchboard.runtime.idempotency.IdempotencyClaim;
import dev.switchboard.runtime.idempotency.StoredResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Two instances of a service, each with its own store on one table, on PostgreSQL, MariaDB and H2:
 * what one claimed, completed or released, the other sees.
 */
class JdbcIdempotencyStoreTest {

    private static final String SCOPE = "Orders.createOrder";
    private static final StoredResponse CREATED = new StoredResponse(200,
            Map.of("Content-Type", "application/json"), "{\"id\":\"o-1\"}".getBytes(StandardCharsets.UTF_8));

    private final MovableClock clock = new MovableClock(Instant.parse("2026-01-10T12:00:00Z"));
    private DataSource database;
    private String table;

    private JdbcIdempotencyStore instance(DataSource database) {
        if (this.database == null) {
            this.database = database;
            this.table = TestDatabases.uniqueTable("sbt_ik");
        }
        JdbcIdempotencyStore store = new JdbcIdempotencyStore(database, table, Duration.ofHours(1),
                DatabaseDialect.of(database), clock);
        store.createTableIfMissing();
        return store;
    }

    @AfterEach
    void dropTable() {
        if (database != null) {
            new JdbcTemplate(database).execute("DROP TABLE IF EXISTS " + table);
        }
    }

    @ParameterizedTest
    @MethodSource("dev.switchboard.jdbc.TestDatabases#all")
    void aRetryOnAnotherInstanceWaitsWhileTheFirstRunsThenGetsItsAnswerAndADifferentRequestIsAConflict(
            DataSource database) {
        JdbcIdempotencyStore first = instance(database);
        JdbcIdempotencyStore second = instance(database);

        assertThat(first.claim(SCOPE, "k-1", "fp-a")).isInstanceOf(IdempotencyClaim.Acquired.class);
        assertThat(second.claim(SCOPE, "k-1", "fp-a")).isInstanceOf(IdempotencyClaim.InProgress.class);
        assertThat(second.claim(SCOPE, "k-1", "fp-b")).isInstanceOf(IdempotencyClaim.Conflict.class);
        assertThat(second.claim("Orders.cancelOrder", "k-1", "fp-b")).as("another operation")
                .isInstanceOf(IdempotencyClaim.Acquired.class);

        first.complete(SCOPE, "k-1", CREATED);

        assertThat(second.claim(SCOPE, "k-1", "fp-a")).isInstanceOfSatisfying(IdempotencyClaim.Replay.class,
                replay -> {
                    assertThat(replay.response().status()).isEqualTo(200);
                    assertThat(replay.response().headers()).isEqualTo(CREATED.headers());
                    assertThat(replay.response().body()).isEqualTo(CREATED.body());
                });
        assertThat(second.claim(SCOPE, "k-1", "fp-b")).isInstanceOf(IdempotencyClaim.Conflict.class);
    }

    @ParameterizedTest
    @MethodSource("dev.switchboard.jdbc.TestDatabases#all")
    void aReleasedKeyIsClaimedAgainByTheRetryOnAnotherInstanceButACompletedOneIsNotReleased(DataSource database) {
        JdbcIdempotencyStore first = instance(database);
        JdbcIdempotencyStore second = instance(database);

        first.claim(SCOPE, "k-2", "fp-a");
        first.release(SCOPE, "k-2");
        assertThat(second.claim(SCOPE, "k-2", "fp-a")).isInstanceOf(IdempotencyClaim.Acquired.class);

        second.complete(SCOPE, "k-2", CREATED);
        second.release(SCOPE, "k-2");
        assertThat(first.claim(SCOPE, "k-2", "fp-a")).isInstanceOf(IdempotencyClaim.Replay.class);
    }

    @ParameterizedTest
    @MethodSource("dev.switchboard.jdbc.TestDatabases#all")
    void anExpiredKeyIsTakenOverByTheNextClaimAndRemovedByTheCleanUp(DataSource database) {
        JdbcIdempotencyStore first = instance(database);
        JdbcIdempotencyStore second = instance(database);
        first.claim(SCOPE, "k-3", "fp-a");
        first.complete(SCOPE, "k-3", CREATED);
        first.claim(SCOPE, "k-4", "fp-a");
        clock.advance(Duration.ofMinutes(61));

        assertThat(second.claim(SCOPE, "k-3", "fp-b")).isInstanceOf(IdempotencyClaim.Acquired.class);
        assertThat(first.claim(SCOPE, "k-3", "fp-b")).isInstanceOf(IdempotencyClaim.InProgress.class);
        assertThat(second.removeExpired()).as("k-4 only: k-3 was claimed again").isOne();
        assertThat(first.claim(SCOPE, "k-4", "fp-b")).isInstanceOf(IdempotencyClaim.Acquired.class);
    }

    @ParameterizedTest
    @MethodSource("dev.switchboard.jdbc.TestDatabases#all")
    void aKeyLongerThanItsColumnIsKeptByItsDigest(DataSource database) {
        JdbcIdempotencyStore first = instance(database);
        JdbcIdempotencyStore second = instance(database);
        String longKey = "k".repeat(500);

        assertThat(first.claim(SCOPE, longKey, "fp-a")).isInstanceOf(IdempotencyClaim.Acquired.class);
        assertThat(second.claim(SCOPE, longKey, "fp-a")).isInstanceOf(IdempotencyClaim.InProgress.class);
        assertThat(second.claim(SCOPE, "k".repeat(499), "fp-a")).isInstanceOf(IdempotencyClaim.Acquired.class);
    }

    @ParameterizedTest
    @MethodSource("dev.switchboard.jdbc.TestDatabases#all")
    void aStoreThatCannotBeAskedIsUnavailableSoTheClientRetries(DataSource database) {
        JdbcIdempotencyStore store = instance(database);
        new JdbcTemplate(database).execute("DROP TABLE " + table);

        assertThatThrownBy(() -> store.claim(SCOPE, "k-5", "fp-a")).isInstanceOfSatisfying(SwitchboardException.class,
                unavailable -> assertThat(unavailable.code()).isEqualTo(ErrorCode.UNAVAILABLE));
    }

    /** Time that the test moves, shared by both instances as a common wall clock. */
    private static final class MovableClock extends Clock {
        private volatile Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
