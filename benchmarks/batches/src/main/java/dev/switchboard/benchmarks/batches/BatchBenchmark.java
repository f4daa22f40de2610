package dev.switchboard.benchmarks.batches;

import dev.switchboard.benchmarks.batches.ledger.EntryPosted;
import dev.switchboard.benchmarks.batches.ledger.LedgerEvents;
import dev.switchboard.benchmarks.batches.ledger.LedgerEventsHandler;
import io.nats.client.Connection;
import io.nats.client.JetStreamApiException;
import io.nats.client.Nats;
import java.io.IOException;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A generated handler that writes each entry to PostgreSQL as a row of its own, against the same
 * handler taking the entries in batches of up to 100 and writing each batch with one batched insert;
 * both with the transactional inbox ({@code processed-messages=jdbc}: the message ids are claimed in
 * the transaction of the handler's rows), on the real NATS server. Each round publishes
 * {@code bench.messages} entries to a fresh stream, then starts a consumer and times its handler from
 * the first entry to the last (saturated: the whole backlog is waiting), then checks every entry is
 * one row. Rounds interleave the two, medians reported.
 *
 * <pre>./mvnw -B -pl benchmarks/batches exec:java -Dbench.messages=20000 -Dbench.rounds=3</pre>
 */
public final class BatchBenchmark {

    private static final String DATABASE = "jdbc:postgresql://127.0.0.1:5432/test";
    private static final String NATS = "nats://127.0.0.1:4222";
    private static final List<String> TOPICS = List.of("bench.ledger.posted", "bench.ledger.batched");

    private BatchBenchmark() {}

    public static void main(String[] args) throws Exception {
        int messages = Integer.getInteger("bench.messages", 20_000);
        int rounds = Integer.getInteger("bench.rounds", 3);
        String schema = "bench_batches_" + UUID.randomUUID().toString().substring(0, 8);
        sql("CREATE SCHEMA " + schema, "CREATE TABLE " + schema + ".ledger (entry_id VARCHAR(64) NOT NULL,"
                + " account VARCHAR(64), amount BIGINT, round VARCHAR(64) NOT NULL)");
        Map<String, String> properties = new HashMap<>(Map.of("switchboard.messaging.broker", "nats",
                "switchboard.messaging.nats.servers", NATS, "switchboard.messaging.processed-messages", "jdbc",
                // The PostgreSQL driver's own setting for batched writes: the batch handler's batchUpdate as one
                // multi-row insert (the one-row handler's single inserts are unaffected).
                "spring.datasource.url", DATABASE + "?currentSchema=" + schema + "&reWriteBatchedInserts=true",
                "spring.datasource.username",
                "postgres", "bench.schema", schema));
        System.out.printf(Locale.ROOT, "%n%d entries per round, %d rounds after a warm-up, NATS JetStream, JDBC inbox on"
                + " PostgreSQL; medians%n%n", messages, rounds);
        List<Double> single = new ArrayList<>();
        List<Double> batched = new ArrayList<>();
        try (ConfigurableApplicationContext publisher = start(PublisherApplication.class, properties, "ledger-bench")) {
            LedgerEvents events = publisher.getBean(LedgerEvents.class);
            for (int round = 0; round <= rounds; round++) {
                double one = run(properties, "one-" + round, messages, events::entryPosted);
                double many = run(properties, "batch-" + round, messages, events::entryPostedInBatches);
                String label = round == 0 ? "warm-up" : "round " + round;
                System.out.printf(Locale.ROOT, "%-8s one row per message %,9.0f entries/s   batches of 100 %,9.0f entries/s"
                        + " (%.1f entries per handler call)%n", label, one, many, Ledger.perCall());
                if (round > 0) {
                    single.add(one);
                    batched.add(many);
                }
            }
        } finally {
            sql("DROP SCHEMA " + schema + " CASCADE");
        }
        double one = median(single);
        double many = median(batched);
        System.out.println();
        System.out.println("| handler | entries/s (median) |");
        System.out.println("| --- | ---: |");
        System.out.printf(Locale.ROOT, "| one row per message (generated, JDBC inbox) | %,.0f |%n", one);
        System.out.printf(Locale.ROOT, "| batches of up to 100, one batched insert (generated, JDBC inbox) | %,.0f |%n", many);
        System.out.println();
        System.out.printf(Locale.ROOT, "PostgreSQL handler, batches of 100: throughput %.2f× (batch / one row at a time)%n",
                many / one);
    }

    /** One round: {@code messages} entries waiting on an emptied stream, then a consumer that handles them all; entries/s. */
    private static double run(Map<String, String> properties, String round, int messages,
            Function<EntryPosted, CompletableFuture<Void>> publish) throws Exception {
        // The consumer takes both events: only this round's entries wait, on this round's topic.
        purge(TOPICS);
        Semaphore window = new Semaphore(500);
        List<CompletableFuture<Void>> sent = new ArrayList<>(messages);
        for (int i = 0; i < messages; i++) {
            window.acquire();
            sent.add(publish.apply(new EntryPosted(round + "-" + i, "account-" + (i % 100), i))
                    .whenComplete((done, failure) -> window.release()));
        }
        CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).get(5, TimeUnit.MINUTES);
        Ledger.expect(messages);
        Map<String, String> consumer = new HashMap<>(properties);
        consumer.put("bench.round", round);
        try (ConfigurableApplicationContext context = start(ConsumerApplication.class, consumer, "ledger-" + round)) {
            Ledger.awaitAll();
        }
        long[] rows = new long[2];
        query("SELECT count(*), count(DISTINCT entry_id) FROM " + properties.get("bench.schema") + ".ledger WHERE round = '"
                + round + "'", rows);
        if (rows[0] != messages || rows[1] != messages) {
            throw new IllegalStateException(round + ": " + rows[0] + " rows of " + rows[1] + " entries, expected "
                    + messages + " of each");
        }
        return Ledger.rate();
    }

    /** Empties the topics' streams (they stay, so the publisher's view of them holds); none yet is fine. */
    private static void purge(List<String> topics) throws IOException, InterruptedException, JetStreamApiException {
        try (Connection connection = Nats.connect(NATS)) {
            for (String topic : topics) {
                for (String stream : connection.jetStreamManagement().getStreamNames(topic)) {
                    connection.jetStreamManagement().purgeStream(stream);
                }
            }
        }
    }

    /**
     * The consumer's handler: a row per entry, or one batched insert per batch, through the application's
     * {@link JdbcTemplate}, so in the inbox's transaction. Times the handler from the first entry to the last.
     */
    static final class Ledger implements LedgerEventsHandler {

        private static final AtomicLong FIRST = new AtomicLong();
        private static final AtomicLong LAST = new AtomicLong();
        private static final AtomicLong HANDLED = new AtomicLong();
        private static final AtomicLong CALLS = new AtomicLong();
        private static volatile long expected;

        private final JdbcTemplate jdbc;
        private final String insert;
        private final String round;

        Ledger(JdbcTemplate jdbc, String schema, String round) {
            this.jdbc = jdbc;
            this.insert = "INSERT INTO " + schema + ".ledger (entry_id, account, amount, round) VALUES (?, ?, ?, ?)";
            this.round = round;
        }

        static void expect(long messages) {
            FIRST.set(0);
            LAST.set(0);
            HANDLED.set(0);
            CALLS.set(0);
            expected = messages;
        }

        static void awaitAll() throws InterruptedException {
            long bound = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
            while (HANDLED.get() < expected) {
                if (System.nanoTime() > bound) {
                    throw new IllegalStateException("handled " + HANDLED.get() + " of " + expected + " in 10 minutes");
                }
                Thread.sleep(20);
            }
        }

        static double rate() {
            return HANDLED.get() * 1e9 / Math.max(1, LAST.get() - FIRST.get());
        }

        /** Entries per handler call: how full the batches came. */
        static double perCall() {
            return HANDLED.get() / (double) Math.max(1, CALLS.get());
        }

        @Override
        public void entryPosted(EntryPosted entry) {
            started();
            jdbc.update(insert, entry.entryId(), entry.account(), entry.amount(), round);
            finished(1);
        }

        @Override
        public void entryPostedInBatches(List<EntryPosted> entries) {
            started();
            jdbc.batchUpdate(insert, entries.stream()
                    .map(entry -> new Object[] {entry.entryId(), entry.account(), entry.amount(), round}).toList());
            finished(entries.size());
        }

        private static void started() {
            FIRST.compareAndSet(0, System.nanoTime());
        }

        private static void finished(int entries) {
            LAST.set(System.nanoTime());
            HANDLED.addAndGet(entries);
            CALLS.incrementAndGet();
        }
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }

    private static ConfigurableApplicationContext start(Class<?> application, Map<String, String> properties,
            String name) {
        List<String> arguments = new ArrayList<>(List.of("spring.main.banner-mode=off", "logging.level.root=warn",
                "spring.application.name=" + name));
        properties.forEach((key, value) -> arguments.add(key + "=" + value));
        return new SpringApplicationBuilder(application).web(WebApplicationType.NONE)
                .properties(arguments.toArray(String[]::new)).run();
    }

    private static void sql(String... statements) throws SQLException {
        try (java.sql.Connection connection = DriverManager.getConnection(DATABASE, "postgres", "");
                java.sql.Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }

    private static void query(String sql, long[] columns) throws SQLException {
        try (java.sql.Connection connection = DriverManager.getConnection(DATABASE, "postgres", "");
                java.sql.Statement statement = connection.createStatement();
                java.sql.ResultSet row = statement.executeQuery(sql)) {
            row.next();
            for (int i = 0; i < columns.length; i++) {
                columns[i] = row.getLong(i + 1);
            }
        }
    }

    /** Publishes only: no handler bean, so no subscription. */
    @Configuration(proxyBeanMethods = false)
    @EnableAutoConfiguration
    static class PublisherApplication {}

    /** Consumes both events with the {@link Ledger} of this round. */
    @Configuration(proxyBeanMethods = false)
    @EnableAutoConfiguration
    static class ConsumerApplication {
        @Bean
        Ledger ledger(JdbcTemplate jdbc, org.springframework.core.env.Environment environment) {
            return new Ledger(jdbc, environment.getRequiredProperty("bench.schema"),
                    environment.getRequiredProperty("bench.round"));
        }
    }
}
