package dev.switchboard.jdbc.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.jdbc.DatabaseDialect;
import dev.switchboard.jdbc.TestDatabases;
import dev.switchboard.runtime.messaging.MessageInFlightException;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.JdbcTransactionManager;

/**
 * The transactional inbox on PostgreSQL, MariaDB and H2: the claim and the handler's own insert
 * commit or roll back together, and a second delivery of an id being handled waits for the first
 * one's outcome, up to the lock timeout.
 */
class JdbcProcessedMessagesTest {

    private static final Duration LONG_WAIT = Duration.ofSeconds(30);

    private DataSource database;
    private String table;
    private String work;

    private JdbcProcessedMessages inbox(DataSource database, Duration lockTimeout) {
        return inbox(database, lockTimeout, Clock.systemUTC());
    }

    private JdbcProcessedMessages inbox(DataSource database, Duration lockTimeout, Clock clock) {
        if (this.database == null) {
            this.database = database;
            this.table = TestDatabases.uniqueTable("sbt_in");
            this.work = table + "_work";
            new JdbcTemplate(database).execute("CREATE TABLE " + work + " (message_id VARCHAR(200) NOT NULL)");
        }
        JdbcProcessedMessages inbox = new JdbcProcessedMessages(database, new JdbcTransactionManager(database),
                new InboxSettings(table, lockTimeout, InboxSettings.DEFAULT_RETENTION), DatabaseDialect.of(database),
                clock);
        inbox.createTableIfMissing();
        return inbox;
    }

    @AfterEach
    void dropTables() {
        if (database != null) {
            JdbcTemplate jdbc = new JdbcTemplate(database);
            jdbc.execute("DROP TABLE IF EXISTS " + table);
            jdbc.execute("DROP TABLE IF EXISTS " + work);
        }
    }

    /** The handler's own database work: a row in its table, on whatever transaction the thread has. */
    private void handlerWrites(String id) {
        new JdbcTemplate(database).update("INSERT INTO " + work + " (message_id) VALUES (?)", id);
    }

    private int claims(String id) {
        return new JdbcTemplate(database).queryForObject("SELECT COUNT(*) FROM " + table + " WHERE message_id = ?",
                Integer.class, id);
    }

    private int handled(String id) {
        return new JdbcTemplate(database).queryForObject("SELECT COUNT(*) FROM " + work + " WHERE message_id = ?",
                Integer.class, id);
    }

    @ParameterizedTest
    @MethodSource("dev.switchboard.jdbc.TestDatabases#all")
    void aHandlerThatReturnsCommitsItsWorkWithTheClaimAndItsDuplicateIsOnlyAcknowledged(DataSource database)
            throws Exception {
        JdbcProcessedMessages inbox = inbox(database, LONG_WAIT);

        assertThat(inbox.processOnce("points", "e-1", () -> handlerWrites("e-1"))).isTrue();
        assertThat(inbox.processOnce("points", "e-1", () -> handlerWrites("e-1"))).as("the duplicate").isFalse();
        assertThat(inbox.processOnce("audit", "e-1", () -> {})).as("another group").isTrue();

        assertThat(claims("e-1")).isEqualTo(2);
        assertThat(handled("e-1")).isEqualTo(1);
    }

    @ParameterizedTest
    @MethodSource("dev.switchboard.jdbc.TestDatabases#all")
    void aHandlerThatThrowsRollsItsWorkBackWithTheClaimSoTheRedeliveryRuns(DataSource database) throws Exception {
        JdbcProcessedMessages inbox = inbox(database, LONG_WAIT);

        assertThatThrownBy(() -> inbox.processOnce("points", "e-2", () -> {
            handlerWrites("e-2");
            throw new IOException("inventory did not answer");
        })).isInstanceOf(IOException.class).hasMessage("inventory did not answer");
        assertThat(claims("e-2")).isZero();
        assertThat(handled("e-2")).isZero();

        assertThat(inbox.processOnce("points", "e-2", () -> handlerWrites("e-2"))).as("the redelivery").isTrue();
        assertThat(claims("e-2")).isOne();
        assertThat(handled("e-2")).isOne();
    }

    @ParameterizedTest
    @MethodSource("dev.switchboard.jdbc.TestDatabases#all")
    void aSecondDeliveryWaitsForTheFirstAndIsADuplicateOnceItCommits(DataSource database) throws Exception {
        JdbcProcessedMessages first = inbox(database, LONG_WAIT);
        JdbcProcessedMessages second = inbox(database, LONG_WAIT);
        List<String> events = new CopyOnWriteArrayList<>();
        CountDownLatch claimed = new CountDownLatch(1);
        CountDownLatch finish = new CountDownLatch(1);

        CompletableFuture<Boolean> running = CompletableFuture.supplyAsync(() -> call(() -> first.processOnce(
                "points", "e-3", () -> {
                    handlerWrites("e-3");
                    claimed.countDown();
                    await(finish);
                    events.add("first commits");
                })));
        await(claimed);
        CompletableFuture<Boolean> redelivered = CompletableFuture.supplyAsync(() -> call(() -> {
            boolean ran = second.processOnce("points", "e-3", () -> handlerWrites("e-3"));
            events.add("second returns");
            return ran;
        }));
        waitUntilBlocked(redelivered);
        finish.countDown();

        assertThat(running.get()).isTrue();
        assertThat(redelivered.get()).as("a duplicate").isFalse();
        assertThat(events).containsExactly("first commits", "second returns");
        assertThat(handled("e-3")).isOne();
    }

    @ParameterizedTest
    @MethodSource("dev.switchboard.jdbc.TestDatabases#all")
    void aSecondDeliveryWaitingForAFirstThatRollsBackGetsTheClaimAndRuns(DataSource database) throws Exception {
        JdbcProcessedMessages first = inbox(database, LONG_WAIT);
        JdbcProcessedMessages second = inbox(database, LONG_WAIT);
        CountDownLatch claimed = new CountDownLatch(1);
        CountDownLatch fail = new CountDownLatch(1);

        CompletableFuture<Boolean> running = CompletableFuture.supplyAsync(() -> call(() -> first.processOnce(
                "points", "e-4", () -> {
                    handlerWrites("e-4");
                    claimed.countDown();
                    await(fail);
                    throw new IllegalStateException("the consumer dies");
                })));
        await(claimed);
        CompletableFuture<Boolean> redelivered = CompletableFuture.supplyAsync(() -> call(
                () -> second.processOnce("points", "e-4", () -> handlerWrites("e-4"))));
        waitUntilBlocked(redelivered);
        fail.countDown();

        assertThatThrownBy(running::get).hasRootCauseMessage("the consumer dies");
        assertThat(redelivered.get()).as("it ran").isTrue();
        assertThat(claims("e-4")).isOne();
        assertThat(handled("e-4")).isOne();
    }

    @ParameterizedTest
    @MethodSource("dev.switchboard.jdbc.TestDatabases#all")
    void aSecondDeliveryThatWaitedPastTheLockTimeoutIsInFlightAndNeitherRunsNorCounts(DataSource database)
            throws Exception {
        JdbcProcessedMessages first = inbox(database, LONG_WAIT);
        JdbcProcessedMessages impatient = inbox(database, Duration.ofSeconds(1));
        CountDownLatch claimed = new CountDownLatch(1);
        CountDownLatch finish = new CountDownLatch(1);

        CompletableFuture<Boolean> running = CompletableFuture.supplyAsync(() -> call(() -> first.processOnce(
                "points", "e-5", () -> {
                    handlerWrites("e-5");
                    claimed.countDown();
                    await(finish);
                })));
        await(claimed);
        try {
            assertThatThrownBy(() -> impatient.processOnce("points", "e-5", () -> handlerWrites("e-5")))
                    .isInstanceOf(MessageInFlightException.class).hasMessageContaining("e-5");
        } finally {
            finish.countDown();
        }

        assertThat(running.get()).isTrue();
        assertThat(handled("e-5")).isOne();
        assertThat(impatient.processOnce("points", "e-5", () -> handlerWrites("e-5"))).as("now finished").isFalse();
    }

    @ParameterizedTest
    @MethodSource("dev.switchboard.jdbc.TestDatabases#all")
    void aBatchClaimsItsNewIdsInItsOwnTransactionAndLeavesTheFinishedOnesOut(DataSource database)
            throws Exception {
        JdbcProcessedMessages inbox = inbox(database, LONG_WAIT);
        inbox.processOnce("points", "b-2", () -> handlerWrites("b-2"));

        List<String> ran = inbox.processAllOnce("points", List.of("b-1", "b-2", "b-3", "b-1"),
                ids -> ids.forEach(this::handlerWrites));

        assertThat(ran).containsExactly("b-1", "b-3");
        assertThat(List.of("b-1", "b-2", "b-3")).allSatisfy(id -> {
            assertThat(claims(id)).as(id).isOne();
            assertThat(handled(id)).as(id).isOne();
        });
        assertThat(inbox.processAllOnce("points", List.of("b-3", "b-1"), ids -> handlerWrites("again")))
                .as("duplicates only: the work does not run").isEmpty();
        assertThat(handled("again")).isZero();
    }

    @ParameterizedTest
    @MethodSource("dev.switchboard.jdbc.TestDatabases#all")
    void aBatchWhoseWorkThrowsRollsBackEveryClaimAndItsWork(DataSource database) throws Exception {
        JdbcProcessedMessages inbox = inbox(database, LONG_WAIT);

        assertThatThrownBy(() -> inbox.processAllOnce("points", List.of("c-1", "c-2"), ids -> {
            ids.forEach(this::handlerWrites);
            throw new IOException("the warehouse did not answer");
        })).isInstanceOf(IOException.class);

        assertThat(claims("c-1") + claims("c-2") + handled("c-1") + handled("c-2")).isZero();
        assertThat(inbox.processAllOnce("points", List.of("c-1", "c-2"), ids -> ids.forEach(this::handlerWrites)))
                .as("the redelivery").containsExactly("c-1", "c-2");
    }

    @ParameterizedTest
    @MethodSource("dev.switchboard.jdbc.TestDatabases#all")
    void aBatchMeetingAnIdClaimedElsewhereIsInFlightAndRunsNothing(DataSource database) throws Exception {
        JdbcProcessedMessages first = inbox(database, LONG_WAIT);
        JdbcProcessedMessages impatient = inbox(database, Duration.ofSeconds(1));
        CountDownLatch claimed = new CountDownLatch(1);
        CountDownLatch finish = new CountDownLatch(1);

        CompletableFuture<Boolean> running = CompletableFuture.supplyAsync(() -> call(() -> first.processOnce(
                "points", "d-2", () -> {
                    handlerWrites("d-2");
                    claimed.countDown();
                    await(finish);
                })));
        await(claimed);
        try {
            assertThatThrownBy(() -> impatient.processAllOnce("points", List.of("d-1", "d-2"),
                    ids -> ids.forEach(this::handlerWrites))).isInstanceOf(MessageInFlightException.class);
        } finally {
            finish.countDown();
        }

        assertThat(running.get()).isTrue();
        assertThat(claims("d-1")).as("rolled back with the batch").isZero();
        assertThat(handled("d-1")).isZero();
        assertThat(handled("d-2")).isOne();
    }

    @ParameterizedTest
    @MethodSource("dev.switchboard.jdbc.TestDatabases#all")
    void theHandlersOwnStatementsKeepTheDatabasesLockTimeout(DataSource database) throws Exception {
        JdbcProcessedMessages inbox = inbox(database, Duration.ofSeconds(3));
        String setting = switch (DatabaseDialect.of(database)) {
            case POSTGRESQL -> "SELECT current_setting('lock_timeout')";
            case MARIADB -> "SELECT CAST(@@innodb_lock_wait_timeout AS CHAR)";
            case H2 -> "SELECT CAST(LOCK_TIMEOUT() AS VARCHAR)";
        };
        JdbcTemplate jdbc = new JdbcTemplate(database);
        String outside = jdbc.queryForObject(setting, String.class);
        List<String> inside = new CopyOnWriteArrayList<>();

        inbox.processOnce("points", "e-7", () -> inside.add(jdbc.queryForObject(setting, String.class)));

        assertThat(inside).containsExactly(outside);
        assertThat(outside).isNotIn("3s", "3000ms", "3", "3000");
    }

    @ParameterizedTest
    @MethodSource("dev.switchboard.jdbc.TestDatabases#all")
    void theCleanUpForgetsIdsOlderThanTheRetentionOnly(DataSource database) throws Exception {
        Instant now = Instant.parse("2026-01-10T12:00:00Z");
        JdbcProcessedMessages lastWeek = inbox(database, LONG_WAIT,
                Clock.fixed(now.minus(Duration.ofDays(8)), ZoneOffset.UTC));
        JdbcProcessedMessages today = inbox(database, LONG_WAIT, Clock.fixed(now, ZoneOffset.UTC));
        lastWeek.processOnce("points", "old-1", () -> {});
        lastWeek.processOnce("points", "old-2", () -> {});
        today.processOnce("points", "new-1", () -> {});

        assertThat(today.removeExpired()).isEqualTo(2);
        assertThat(today.removeExpired()).isZero();
        assertThat(claims("old-1") + claims("old-2")).isZero();
        assertThat(claims("new-1")).isOne();
        assertThat(today.processOnce("points", "old-1", () -> {})).as("forgotten, so handled again").isTrue();
    }

    /** Until the database shows a session waiting on a lock in its insert into this test's table. */
    private void waitUntilBlocked(CompletableFuture<?> future) throws InterruptedException {
        String waiting = switch (DatabaseDialect.of(database)) {
            case POSTGRESQL -> "SELECT COUNT(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND query LIKE ?";
            // INNODB_TRX does not always list a JDBC session's waiting insert as LOCK WAIT; an insert still
            // executing is the one waiting, as on H2
            case MARIADB -> "SELECT COUNT(*) FROM information_schema.PROCESSLIST WHERE COMMAND = 'Query' "
                    + "AND INFO LIKE ?";
            // H2 names no blocker for a row lock: a session still executing the insert is the one waiting
            case H2 -> "SELECT COUNT(*) FROM INFORMATION_SCHEMA.SESSIONS WHERE EXECUTING_STATEMENT LIKE ?";
        };
        JdbcTemplate jdbc = new JdbcTemplate(database);
        for (int poll = 0; poll < 600; poll++) {
            assertThat(future).as("still waiting for the first delivery").isNotDone();
            if (jdbc.queryForObject(waiting, Integer.class, "%INSERT INTO " + table + " %") > 0) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the second delivery never waited on the first one's lock");
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(60, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the other delivery never got there");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private interface Call<T> {
        T run() throws Exception;
    }

    private static <T> T call(Call<T> call) {
        try {
            return call.run();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
