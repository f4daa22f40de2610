package dev.switchboard.jdbc.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.switchboard.runtime.messaging.Message;
import dev.switchboard.runtime.messaging.MessageTransport;
import dev.switchboard.runtime.messaging.Subscription;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The outbox on the real databases: what a commit, a rollback and a publish outside a transaction
 * leave in the table and send, joins inside the transaction, the relay's backoff, and the meters.
 * Order across relay instances and crashed relays: {@link OutboxRelayInstancesTest}.
 */
class JdbcOutboxTest {

    private final List<AutoCloseable> opened = new ArrayList<>();
    private DataSource dataSource;
    private OutboxSettings settings;

    private JdbcOutbox open(Database database, RecordingTransport broker, SimpleMeterRegistry meters) {
        dataSource = database.dataSource();
        settings = OutboxSettings.defaults().withTable(Database.uniqueTable())
                .withBackoff(Duration.ofMillis(20), Duration.ofMillis(200));
        OutboxSchema.create(dataSource, settings);
        JdbcOutbox outbox = new JdbcOutbox(dataSource, broker, settings, meters);
        opened.add(outbox);
        return outbox;
    }

    @AfterEach
    void dropTheTables() throws Exception {
        for (AutoCloseable closeable : opened) {
            closeable.close();
        }
        if (dataSource != null) {
            Database.drop(dataSource, settings);
        }
    }

    @ParameterizedTest
    @EnumSource(Database.class)
    void aRolledBackPublishLeavesNoRowAndFailsItsFuture(Database database) {
        JdbcOutbox outbox = open(database, new RecordingTransport(), null);

        CompletableFuture<Void> published = transactions().execute(status -> {
            CompletableFuture<Void> future = outbox.transport().publish("orders", message("o-1", "payload"));
            status.setRollbackOnly();
            return future;
        });

        assertThat(rows()).isZero();
        assertThatThrownBy(() -> published.get(5, TimeUnit.SECONDS)).hasMessageContaining("rolled back");
    }

    @ParameterizedTest
    @EnumSource(Database.class)
    void aCommittedPublishIsSentAfterCommitWithItsAttributesAndMarkedSent(Database database) throws Exception {
        RecordingTransport broker = new RecordingTransport();
        JdbcOutbox outbox = open(database, broker, null);
        outbox.start();
        Message message = message("o-2", "{\"id\":\"o-2\"}")
                .withHeaders(Map.of("traceparent", "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01"));

        CompletableFuture<Void> published = transactions().execute(status -> {
            CompletableFuture<Void> future = outbox.transport().publish("shop.orders", message);
            assertThat(future).isNotDone();
            return future;
        });

        published.get(5, TimeUnit.SECONDS);
        await(() -> broker.received().size() == 1 && sentRows() == 1);
        RecordingTransport.Received received = broker.received().get(0);
        assertThat(received.destination()).isEqualTo("shop.orders");
        Message sent = received.message();
        assertThat(sent.id()).isEqualTo(message.id());
        assertThat(sent.type()).isEqualTo(message.type());
        assertThat(sent.source()).isEqualTo(message.source());
        assertThat(sent.subject()).isEqualTo("o-2");
        assertThat(sent.time()).isEqualTo(message.time());
        assertThat(sent.contentType()).isEqualTo("application/json");
        assertThat(sent.headers()).isEqualTo(message.headers());
        assertThat(sent.payload()).isEqualTo(message.payload());
    }

    @ParameterizedTest
    @EnumSource(Database.class)
    void joiningInsideTheWritingTransactionReturnsAtOnceAndTheFutureCompletesAtCommit(Database database)
            throws Exception {
        JdbcOutbox outbox = open(database, new RecordingTransport(), null);

        List<CompletableFuture<?>> futures = transactions().execute(status -> {
            CompletableFuture<Void> published = outbox.transport().publish("orders", message("o-3", "x"));
            CompletableFuture<String> dependent = published.whenComplete((done, failure) -> {}).thenApply(done -> "ok");
            assertThat(published.join()).isNull();
            assertThat(dependent.join()).isNull();
            assertThat(published).isNotDone();
            return List.of(published, dependent);
        });

        assertThat(futures.get(1).get(5, TimeUnit.SECONDS)).isEqualTo("ok");
        assertThat(futures.get(0)).isCompleted();
        // Another thread waits for the outcome, as always.
        CompletableFuture<Void> other = transactions().execute(status -> {
            CompletableFuture<Void> published = outbox.transport().publish("orders", message("o-4", "x"));
            CompletableFuture<Boolean> elsewhere = CompletableFuture.supplyAsync(
                    () -> ((OutboxFuture<Void>) published).insideTheWritingTransaction());
            assertThat(elsewhere.join()).isFalse();
            return published;
        });
        other.get(5, TimeUnit.SECONDS);
    }

    @ParameterizedTest
    @EnumSource(Database.class)
    void aPublishOutsideATransactionIsWrittenOnItsOwnAndSent(Database database) throws Exception {
        RecordingTransport broker = new RecordingTransport();
        JdbcOutbox outbox = open(database, broker, null);

        CompletableFuture<Void> published = outbox.transport().publish("orders", message("o-5", "x"));

        assertThat(published).isCompleted();
        assertThat(rows()).isEqualTo(1);
        assertThat(outbox.relay().relayOnce().sent()).isEqualTo(1);
        assertThat(broker.received()).hasSize(1);
        assertThat(sentRows()).isEqualTo(1);
    }

    @ParameterizedTest
    @EnumSource(Database.class)
    void aPublishThatNeverReturnsHoldsNeitherTheRelayNorItsPartitionForLong(Database database) throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        List<String> sent = new CopyOnWriteArrayList<>();
        MessageTransport hanging = new MessageTransport() {
            @Override
            public CompletableFuture<Void> publish(String destination, Message message) {
                if (new String(message.payload()).equals("stuck")) {
                    try {
                        release.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                sent.add(new String(message.payload()));
                return CompletableFuture.completedFuture(null);
            }

            @Override
            public AutoCloseable subscribe(Subscription subscription) {
                throw new UnsupportedOperationException("publish only");
            }

            @Override
            public String name() {
                return "hanging";
            }

            @Override
            public void close() {}
        };
        dataSource = database.dataSource();
        OutboxSettings defaults = OutboxSettings.defaults().withTable(Database.uniqueTable());
        settings = new OutboxSettings(defaults.table(), 1, defaults.batchSize(), defaults.pollInterval(),
                defaults.initialBackoff(), defaults.maxBackoff(), Duration.ofMillis(300), defaults.retention());
        OutboxSchema.create(dataSource, settings);
        JdbcOutbox outbox = new JdbcOutbox(dataSource, hanging, settings, null);
        opened.add(outbox);
        try {
            transactions().executeWithoutResult(status -> {
                outbox.transport().publish("orders", message("key-a", "stuck"));
                outbox.transport().publish("orders", message("key-b", "fine"));
            });

            OutboxRelay.Pass pass = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> outbox.relay().relayOnce());

            assertThat(pass.failure()).isInstanceOf(TimeoutException.class);
            assertThat(pass.sent()).isOne();
            assertThat(sent).containsExactly("fine");
            assertThat(sentRows()).as("the stuck row stays to be sent again").isOne();
        } finally {
            release.countDown();
        }
    }

    @ParameterizedTest
    @EnumSource(Database.class)
    void whileTheBrokerFailsTheRelayBacksOffAndKeepsTheRowsThenCatchesUpInOrder(Database database) throws Exception {
        RecordingTransport broker = new RecordingTransport();
        broker.down.set(true);
        JdbcOutbox outbox = open(database, broker, null);
        outbox.start();
        for (int i = 0; i < 5; i++) {
            int sequence = i;
            transactions().executeWithoutResult(status ->
                    outbox.transport().publish("orders", message("same-key", "" + sequence)));
        }

        await(() -> broker.attempts.get() >= 3);
        Thread.sleep(500);
        // Doubling pauses from 20 ms up to 200 ms: a handful of tries in half a second, not a hot loop.
        assertThat(broker.attempts.get()).isLessThan(40);
        assertThat(broker.received()).isEmpty();
        assertThat(new JdbcTemplate(dataSource).queryForObject("SELECT MAX(attempts) FROM " + settings.table()
                + " WHERE last_error LIKE '%broker down%'", Integer.class)).isGreaterThanOrEqualTo(3);
        assertThat(sentRows()).isZero();

        broker.down.set(false);
        await(() -> sentRows() == 5);
        assertThat(broker.received()).extracting(received -> new String(received.message().payload()))
                .containsExactly("0", "1", "2", "3", "4");
    }

    @ParameterizedTest
    @EnumSource(Database.class)
    void aRowSentAgainAfterARelayLostItsMarkKeepsItsCloudEventId(Database database) {
        RecordingTransport broker = new RecordingTransport();
        JdbcOutbox outbox = open(database, broker, null);
        Message message = message("o-6", "x");
        transactions().executeWithoutResult(status -> outbox.transport().publish("orders", message));
        outbox.relay().relayOnce();

        // The relay crashed after the broker's confirm, before its mark committed.
        new JdbcTemplate(dataSource).update("UPDATE " + settings.table() + " SET sent_at = NULL");
        outbox.relay().relayOnce();

        assertThat(broker.received()).extracting(received -> received.message().id())
                .containsExactly(message.id(), message.id());
    }

    @ParameterizedTest
    @EnumSource(Database.class)
    void theMetersShowTheDepthTheOldestAgeAndTheRowsSent(Database database) {
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        JdbcOutbox outbox = open(database, new RecordingTransport(), meters);
        for (String key : List.of("a", "b", "c")) {
            transactions().executeWithoutResult(status -> outbox.transport().publish("orders", message(key, key)));
        }

        outbox.relay().upkeep();
        assertThat(meters.get(OutboxMetrics.DEPTH).tag("service", "Orders").tag("transport", "recording")
                .gauge().value()).isEqualTo(3);
        assertThat(meters.get(OutboxMetrics.OLDEST_AGE).tag("service", "Orders").gauge().value())
                .isGreaterThanOrEqualTo(0);

        outbox.relay().relayOnce();
        outbox.relay().upkeep();
        assertThat(meters.get(OutboxMetrics.DEPTH).tag("service", "Orders").gauge().value()).isZero();
        assertThat(meters.get(OutboxMetrics.OLDEST_AGE).tag("service", "Orders").gauge().value()).isZero();
        assertThat(meters.get(OutboxMetrics.SENT).tag("service", "Orders").counter().count()).isEqualTo(3);
    }

    private TransactionTemplate transactions() {
        return new TransactionTemplate(new DataSourceTransactionManager(dataSource));
    }

    private int rows() {
        return new JdbcTemplate(dataSource).queryForObject("SELECT COUNT(*) FROM " + settings.table(), Integer.class);
    }

    private int sentRows() {
        return new JdbcTemplate(dataSource).queryForObject(
                "SELECT COUNT(*) FROM " + settings.table() + " WHERE sent_at IS NOT NULL", Integer.class);
    }

    static Message message(String key, String payload) {
        return new Message(UUID.randomUUID().toString(), "com.example.orders.orderCreated", "Orders", key,
                Instant.now(), "application/json", Map.of(), payload.getBytes());
    }

    static void await(BooleanSupplier condition) {
        long giveUp = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > giveUp) {
                throw new AssertionError("not within 30 s");
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
