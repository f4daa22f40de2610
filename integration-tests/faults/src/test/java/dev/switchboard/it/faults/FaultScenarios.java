package dev.switchboard.it.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The crash-safe delivery guarantees under the three crashes, one pipeline for every broker (a
 * subclass names the broker process): two shop instances, each serving orders and handling their
 * events, in their own JVMs; a steady stream of orders; a SIGKILL mid-stream; then, once delivery
 * settled, every confirmed order and every committed order row has exactly one effect, and no
 * caller got a 500.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
abstract class FaultScenarios {

    /** Orders a second: a few hundred per scenario, enough for the kill to land mid-stream. */
    private static final int RATE = 40;
    /** Handler time, so a killed consumer dies with messages in its handler. */
    private static final long HANDLER_SLEEP_MILLIS = 40;
    private static final Duration WARM_UP = Duration.ofSeconds(3);
    private static final Duration DOWNTIME = Duration.ofSeconds(1);
    private static final Duration COOL_DOWN = Duration.ofSeconds(3);
    /** Quiet time after which counts are final: nothing moved that long past the broker's redelivery. */
    private static final Duration SETTLED = Duration.ofSeconds(3);
    /** Quiet time after which missing effects count as lost rather than late. */
    private static final Duration GIVEN_UP = Duration.ofSeconds(30);
    private static final Duration SETTLE_BOUND = Duration.ofSeconds(120);
    /** The scenario name's suffix for the batch handler's outcome (the audits), counted like the effects. */
    private static final String BATCHED = ", batches";

    private final String run = UUID.randomUUID().toString().substring(0, 6);
    private Path directory;
    private BrokerProcess broker;
    private Database database;
    private ServiceInstance first;
    private ServiceInstance second;

    /** The broker process of this class, its storage under {@code directory}. */
    abstract BrokerProcess broker(Path directory);

    @BeforeAll
    void start() {
        directory = RunDirectory.fresh(Path.of("target", "faults", getClass().getSimpleName()));
        broker = broker(directory.resolve("broker"));
        database = Database.fresh(broker.name());
        broker.start();
        Map<String, String> properties = new HashMap<>(Shop.properties(database));
        properties.putAll(broker.properties());
        properties.put("shop.handler-sleep-ms", String.valueOf(HANDLER_SLEEP_MILLIS));
        first = new ServiceInstance("a", properties, directory);
        second = new ServiceInstance("b", properties, directory);
        // One after the other: starting at the same moment is SharedDatabaseTest's subject, not these.
        first.restart();
        second.restart();
    }

    @AfterAll
    void stop() {
        for (AutoCloseable closeable : new AutoCloseable[] {first, second, broker, database}) {
            try {
                if (closeable != null) {
                    closeable.close();
                }
            } catch (Exception e) {
                System.err.println("cannot clean up " + closeable + ": " + e);
            }
        }
    }

    /** Last: it disturbs both instances at once, so a client that does not recover fails this one alone. */
    @Test
    @Order(3)
    void theBrokerKilledMidStreamAndRestarted() {
        run("broker-kill", List.of(first, second), prefix -> {
            broker.kill();
            Pause.of(DOWNTIME);
            broker.start();
        });
    }

    @Test
    @Order(1)
    void aConsumerKilledMidHandlerAndRestarted() {
        run("consumer-kill", List.of(first), prefix -> {
            awaitHandling(second, prefix);
            second.kill();
            Pause.of(DOWNTIME);
            second.restart();
        });
    }

    @Test
    @Order(2)
    void aPublisherKilledBetweenCommitAndConfirmAndRestarted() {
        run("publisher-kill", List.of(first, second), prefix -> {
            first.kill();
            Pause.of(DOWNTIME);
            first.restart();
        });
    }

    /** Posts to {@code targets} while {@code fault} happens, waits for delivery to settle, checks the counts. */
    private void run(String scenario, List<ServiceInstance> targets, Consumer<String> fault) {
        String prefix = broker.name() + "-" + scenario + "-" + run;
        Instant started = Instant.now();
        OrderLoad load = OrderLoad.start(prefix, targets.stream().map(ServiceInstance::orders).toList(), RATE);
        Instant faulted;
        OrderLoad.Tally callers;
        try {
            Pause.of(WARM_UP);
            faulted = Instant.now();
            fault.accept(prefix);
            Pause.of(COOL_DOWN);
        } finally {
            callers = load.stop();
        }
        List<ScenarioOutcome> outcomes = settle(scenario, prefix, callers, faulted.plus(broker.redeliveryDelay()),
                started);
        outcomes.forEach(this::report);
        if (outcomes.stream().anyMatch(FaultScenarios::wentWrong)) {
            explain();
        }

        assertThat(callers.failed()).as("500 answers (order id → body)").isEmpty();
        for (ScenarioOutcome outcome : outcomes) {
            String handler = outcome.scenario().endsWith(BATCHED) ? " (the batch handler's audits)" : "";
            assertThat(outcome.lost()).as("confirmed or committed orders without an effect" + handler).isEmpty();
            assertThat(outcome.duplicates()).as("orders with more than one effect" + handler).isEmpty();
            assertThat(outcome.phantoms()).as("effects of orders that never committed" + handler).isEmpty();
        }
        assertThat(callers.confirmed()).as("orders confirmed to their callers").isNotEmpty();
    }

    /** The consumer to be killed has handled orders of this stream: the kill lands while it takes its share. */
    private void awaitHandling(ServiceInstance consumer, String prefix) {
        Instant bound = Instant.now().plusSeconds(30);
        while (database.effectsBy(consumer.name(), prefix) == 0) {
            assertThat(Instant.now()).as(consumer.name() + " handles none of the stream").isBefore(bound);
            Pause.millis(200);
        }
    }

    /**
     * Counts until nothing moves: every expected effect there and {@link #SETTLED} quiet, or
     * {@link #GIVEN_UP} quiet with effects missing; never before the broker's redelivery of what a
     * dead process held ({@code quietFrom}), so a late duplicate is counted too.
     */
    private List<ScenarioOutcome> settle(String scenario, String prefix, OrderLoad.Tally callers, Instant quietFrom,
            Instant started) {
        Instant bound = Instant.now().plus(SETTLE_BOUND);
        Instant lastChange = Instant.now();
        int lastTotal = -1;
        while (true) {
            Map<String, Integer> orders = database.orders(prefix);
            Duration took = Duration.between(started, Instant.now());
            List<ScenarioOutcome> outcomes = List.of(
                    ScenarioOutcome.of(broker.name(), scenario, callers, orders, database.effects(prefix), took),
                    ScenarioOutcome.of(broker.name(), scenario + BATCHED, callers, orders, database.audits(prefix),
                            took));
            Instant now = Instant.now();
            int total = outcomes.stream().mapToInt(ScenarioOutcome::effects).sum();
            if (total != lastTotal) {
                lastTotal = total;
                lastChange = now;
            }
            Duration quiet = Duration.between(lastChange, now);
            boolean settled = outcomes.stream().allMatch(outcome -> outcome.lost().isEmpty())
                    ? quiet.compareTo(SETTLED) >= 0 : quiet.compareTo(GIVEN_UP) >= 0;
            if ((settled && now.isAfter(quietFrom)) || now.isAfter(bound)) {
                return outcomes;
            }
            Pause.millis(500);
        }
    }

    /**
     * What a failed run's logs say, printed where CI shows it (the logs themselves stay on the machine
     * that ran it): outbox rows never confirmed, the instances' warnings and errors, and the stacks of
     * their relay, NATS consumer and publish-completion threads.
     */
    private void explain() {
        System.out.println("  outbox rows not confirmed by the broker: " + database.unsentOutboxRows());
        try (Stream<Path> logs = Files.list(directory)) {
            for (Path log : logs.filter(file -> file.toString().endsWith(".log")).sorted().toList()) {
                Files.readAllLines(log, StandardCharsets.UTF_8).stream()
                        .filter(line -> line.contains(" WARN ") || line.contains(" ERROR "))
                        .map(line -> line.length() > 400 ? line.substring(0, 400) : line)
                        .distinct().limit(40)
                        .forEach(line -> System.out.println("  " + log.getFileName() + ": " + line));
            }
        } catch (IOException e) {
            System.out.println("  cannot read the instances' logs: " + e);
        }
        for (ServiceInstance instance : List.of(first, second)) {
            instance.threads("outbox", "switchboard-nats", "acks")
                    .forEach(thread -> System.out.println("  " + instance.name() + " thread: " + thread));
        }
    }

    private static boolean wentWrong(ScenarioOutcome outcome) {
        return !outcome.lost().isEmpty() || !outcome.duplicates().isEmpty() || !outcome.phantoms().isEmpty();
    }

    /** Prints the outcome's line and appends it to {@code summary.txt} next to the logs. */
    private void report(ScenarioOutcome outcome) {
        String line = "FAULTS " + outcome.summary();
        System.out.println(line);
        if (wentWrong(outcome)) {
            System.out.println("  lost " + first(outcome.lost()) + ", duplicates " + first(outcome.duplicates())
                    + ", phantoms " + first(outcome.phantoms()));
        }
        if (!outcome.callers().failed().isEmpty()) {
            System.out.println("  a 500: " + outcome.callers().failed().values().iterator().next());
        }
        try {
            Files.writeString(directory.resolve("summary.txt"), line + System.lineSeparator(),
                    StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> first(List<String> ids) {
        return ids.subList(0, Math.min(5, ids.size()));
    }
}
