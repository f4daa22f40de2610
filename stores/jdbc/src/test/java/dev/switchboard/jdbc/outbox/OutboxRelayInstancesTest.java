package dev.switchboard.jdbc.outbox;

import static dev.switchboard.jdbc.outbox.JdbcOutboxTest.await;
import static dev.switchboard.jdbc.outbox.JdbcOutboxTest.message;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.jdbc.outbox.RecordingTransport.Received;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Several relay instances on one table, as several instances of a service share it: every row sent,
 * each key's rows in write order; a partition held by a crashed instance's open transaction is sent
 * by another once its connection is gone; instances creating the tables at the same moment.
 */
class OutboxRelayInstancesTest {

    private static final int KEYS = 24;
    private static final int ROWS_PER_KEY = 12;

    private final List<AutoCloseable> opened = new ArrayList<>();
    private DataSource dataSource;
    private OutboxSettings settings;

    @AfterEach
    void dropTheTables() throws Exception {
        for (AutoCloseable closeable : opened) {
            closeable.close();
        }
        if (dataSource != null) {
            Database.drop(dataSource, settings);
        }
    }

    private JdbcOutbox instance(RecordingTransport broker) {
        JdbcOutbox outbox = new JdbcOutbox(dataSource, broker, settings, null);
        opened.add(outbox);
        return outbox;
    }

    @ParameterizedTest
    @EnumSource(Database.class)
    void twoRelaysSendEveryRowOnceAndEachKeysRowsInWriteOrder(Database database) throws Exception {
        dataSource = database.dataSource();
        settings = OutboxSettings.defaults().withTable(Database.uniqueTable()).withBatchSize(5)
                .withPollInterval(Duration.ofMillis(50));
        OutboxSchema.create(dataSource, settings);
        List<Received> received = new CopyOnWriteArrayList<>();
        JdbcOutbox first = instance(new RecordingTransport("first", received));
        JdbcOutbox second = instance(new RecordingTransport("second", received));
        first.start();
        second.start();

        // Both instances write while both relay: commits of every key interleave.
        ExecutorService writers = Executors.newFixedThreadPool(2);
        List<Future<?>> writes = new ArrayList<>();
        for (JdbcOutbox writer : List.of(first, second)) {
            int half = writes.size();
            writes.add(writers.submit(() -> {
                for (int sequence = 0; sequence < ROWS_PER_KEY; sequence++) {
                    for (int key = half; key < KEYS; key += 2) {
                        int value = sequence;
                        String name = "key-" + key;
                        transactions().executeWithoutResult(status ->
                                writer.transport().publish("orders", message(name, name + ":" + value)));
                    }
                }
            }));
        }
        for (Future<?> write : writes) {
            write.get();
        }
        writers.shutdown();
        await(() -> received.size() >= KEYS * ROWS_PER_KEY && sentRows() == KEYS * ROWS_PER_KEY);

        assertThat(received.stream().map(r -> r.message().id()).collect(Collectors.toSet()))
                .as("each row sent once").hasSize(KEYS * ROWS_PER_KEY);
        Map<String, List<Integer>> sequences = new LinkedHashMap<>();
        for (Received one : received) {
            String[] payload = new String(one.message().payload()).split(":");
            sequences.computeIfAbsent(payload[0], key -> new ArrayList<>()).add(Integer.parseInt(payload[1]));
        }
        List<Integer> inOrder = java.util.stream.IntStream.range(0, ROWS_PER_KEY).boxed().toList();
        assertThat(sequences).hasSize(KEYS).allSatisfy((key, sent) -> assertThat(sent).as(key).isEqualTo(inOrder));
        System.out.printf("%s: first relay sent %d rows, second %d%n", database,
                received.stream().filter(r -> r.relay().equals("first")).count(),
                received.stream().filter(r -> r.relay().equals("second")).count());
    }

    @ParameterizedTest
    @EnumSource(Database.class)
    void rowsOfACrashedRelayArePickedUpByAnotherOnceItsConnectionIsGone(Database database) throws Exception {
        dataSource = database.dataSource();
        settings = OutboxSettings.defaults().withTable(Database.uniqueTable()).withPollInterval(Duration.ofMillis(50));
        OutboxSchema.create(dataSource, settings);
        JdbcOutbox crashed = instance(new RecordingTransport());
        crashed.relay().relayOnce(); // an empty pass: the partition rows exist
        for (int key = 0; key < 8; key++) {
            String name = "key-" + key;
            transactions().executeWithoutResult(status -> crashed.transport().publish("orders", message(name, name)));
        }
        int heldPartition = settings.partitionOf("key-0", null);
        long heldRows = java.util.stream.IntStream.range(0, 8)
                .filter(key -> settings.partitionOf("key-" + key, null) == heldPartition).count();

        // The crashed instance's relay was mid-pass: it holds key-0's partition in an open transaction.
        try (Connection crashedConnection = Database.physicalConnection(dataSource)) {
            crashedConnection.setAutoCommit(false);
            try (PreparedStatement lock = crashedConnection.prepareStatement("SELECT partition_id FROM "
                    + settings.partitionTable() + " WHERE partition_id = ? FOR UPDATE")) {
                lock.setInt(1, heldPartition);
                try (ResultSet locked = lock.executeQuery()) {
                    assertThat(locked.next()).isTrue();
                }
            }
            RecordingTransport survivorBroker = new RecordingTransport();
            JdbcOutbox survivor = instance(survivorBroker);
            survivor.start();

            await(() -> sentRows() == 8 - heldRows);
            assertThat(survivorBroker.received()).extracting(r -> r.message().subject()).doesNotContain("key-0");

            crashedConnection.close(); // the process died: the database releases its locks
            await(() -> sentRows() == 8);
            assertThat(survivorBroker.received()).extracting(r -> r.message().subject()).contains("key-0")
                    .hasSize(8);
        }
    }

    @ParameterizedTest
    @EnumSource(Database.class)
    void instancesCreatingTheTablesAtTheSameMomentAllSucceed(Database database) throws Exception {
        dataSource = database.dataSource();
        settings = OutboxSettings.defaults().withTable(Database.uniqueTable());
        int instances = 4;
        CyclicBarrier together = new CyclicBarrier(instances);
        ExecutorService starting = Executors.newFixedThreadPool(instances);
        List<Future<?>> creations = new ArrayList<>();
        for (int i = 0; i < instances; i++) {
            creations.add(starting.submit(() -> {
                together.await();
                OutboxSchema.create(dataSource, settings);
                new OutboxStore(dataSource, settings).ensurePartitions();
                return null;
            }));
        }
        for (Future<?> creation : creations) {
            creation.get();
        }
        starting.shutdown();

        assertThat(new JdbcTemplate(dataSource).queryForList("SELECT partition_id FROM " + settings.partitionTable(),
                Integer.class)).hasSize(settings.partitions()).doesNotHaveDuplicates();
        assertThat(rows()).isZero();
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
}
