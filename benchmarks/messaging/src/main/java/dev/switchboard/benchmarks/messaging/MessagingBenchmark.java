package dev.switchboard.benchmarks.messaging;

import dev.switchboard.benchmarks.messaging.bare.BareKafkaSide;
import dev.switchboard.benchmarks.messaging.bare.BareNatsSide;
import dev.switchboard.benchmarks.messaging.bare.BareRabbitSide;
import dev.switchboard.benchmarks.messaging.bare.BareTracing;
import dev.switchboard.benchmarks.messaging.bare.CloudEventHeaders;
import dev.switchboard.benchmarks.messaging.ceiling.KafkaCeiling;
import dev.switchboard.benchmarks.messaging.ceiling.NatsCeiling;
import dev.switchboard.benchmarks.messaging.generated.GeneratedSide;
import dev.switchboard.kafka.KafkaTopics;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.locks.LockSupport;
import java.util.function.ToDoubleFunction;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * The generated publisher and handler against a bare use of the same library, on the real NATS
 * and RabbitMQ servers and an in-process Kafka (KRaft) broker, in one JVM. Throughput is measured
 * saturated: each side publishes {@code bench.messages} events with at most {@code bench.window}
 * unconfirmed, into a consumer in its own application; messages per second from the first publish to
 * the last delivery. Latency is measured below saturation, where it is service time rather than the
 * backlog a saturated run builds: both sides publish at the same fixed rate ({@code bench.rate}, by
 * default half the slower side's throughput) for {@code bench.pacedSeconds}, and each message's latency
 * runs from the moment it was due to be sent to its handler, so a publisher falling behind counts too.
 * Rounds interleave the sides, so drift in the machine hits both alike.
 *
 * <pre>./mvnw -B -pl benchmarks/messaging exec:java -Dbench.messages=20000 -Dbench.rounds=3</pre>
 */
public final class MessagingBenchmark {

    private MessagingBenchmark() {}

    public static void main(String[] args) throws Exception {
        int messages = Integer.getInteger("bench.messages", 20_000);
        int window = Integer.getInteger("bench.window", 500);
        int rounds = Integer.getInteger("bench.rounds", 3);
        System.out.printf(Locale.ROOT, "%n%d messages per saturated round, at most %d unconfirmed, %d rounds after a warm-up;"
                + " latency at a fixed rate below saturation; medians%n%n", messages, window, rounds);
        System.out.println("| broker | side | messages/s (saturated) | offered rate/s | p50 µs | p99 µs |");
        System.out.println("| --- | --- | ---: | ---: | ---: | ---: |");
        List<String> brokers = List.of(System.getProperty("bench.brokers", "nats,rabbitmq,kafka").split(","));
        // Tracing samples every call by default (Switchboard's default); -Dbench.sampling=0.1 measures a production-like rate.
        String sampling = System.getProperty("bench.sampling", "1.0");
        List<String> ratios = new ArrayList<>();
        // Each broker's own load tool (or a minimal loop) beside the pair; RabbitMQ's PerfTest runs from ceilings.sh.
        boolean ceilings = Boolean.parseBoolean(System.getProperty("bench.ceilings", "true"));
        // Beside the bare library, the same library with what a developer adds by hand for the same guarantees.
        boolean guarantees = Boolean.parseBoolean(System.getProperty("bench.guarantees", "true"));
        if (brokers.contains("nats")) {
            try (Side generated = new GeneratedSide(Map.of("switchboard.messaging.broker", "nats",
                    "management.tracing.sampling.probability", sampling));
                    Side bare = new BareNatsSide("nats://127.0.0.1:4222");
                    Side guarded = guarantees ? new BareNatsSide("nats://127.0.0.1:4222", true) : null) {
                ratios.addAll(compare("NATS JetStream", "jnats", generated, bare, guarded, messages, window, rounds));
            }
            if (ceilings) {
                ratios.add("NATS JetStream ceiling, " + NatsCeiling.measure("nats://127.0.0.1:4222", 100_000));
            }
        }
        if (brokers.contains("rabbitmq")) {
            try (Side generated = new GeneratedSide(Map.of("switchboard.messaging.broker", "rabbitmq",
                    "spring.rabbitmq.host", "127.0.0.1", "management.tracing.sampling.probability", sampling));
                    Side bare = new BareRabbitSide("127.0.0.1", 5672);
                    Side guarded = guarantees ? new BareRabbitSide("127.0.0.1", 5672, true) : null) {
                ratios.addAll(compare("RabbitMQ", "spring-amqp", generated, bare, guarded, messages, window, rounds));
            }
        }
        if (brokers.contains("kafka")) {
            // No Kafka server runs here: spring-kafka's in-process KRaft broker, the same for both sides. Every topic
            // has the partitions Switchboard creates its topics with: fewer would give the bare producer fuller batches.
            EmbeddedKafkaKraftBroker kafka = new EmbeddedKafkaKraftBroker(1, KafkaTopics.DEFAULTS.partitions(),
                    "bench.prices.changed", "bench.bare.prices",
                    "bench.guarded.prices", "bench.guarded.prices-dlt");
            kafka.afterPropertiesSet();
            try (Side generated = new GeneratedSide(Map.of("switchboard.messaging.broker", "kafka",
                    "spring.kafka.bootstrap-servers", kafka.getBrokersAsString(),
                    "management.tracing.sampling.probability", sampling));
                    Side bare = new BareKafkaSide(kafka.getBrokersAsString());
                    Side guarded = guarantees ? new BareKafkaSide(kafka.getBrokersAsString(), true) : null) {
                ratios.addAll(compare("Kafka", "spring-kafka", generated, bare, guarded, messages, window, rounds));
            }
            try {
                if (ceilings) {
                    KafkaCeiling.measure(kafka.getBrokersAsString(), 200_000).forEach(line -> ratios.add("Kafka ceiling, " + line));
                }
            } finally {
                kafka.destroy();
            }
        }
        BareTracing.close();
        System.out.println();
        ratios.forEach(System.out::println);
    }

    /**
     * The generated side against the bare library and, when {@code guarded} is not null, against the library with the
     * guarantees added by hand; rounds interleave all of them. One summary line per baseline.
     */
    private static List<String> compare(String broker, String library, Side generated, Side bare, Side guarded,
            int messages, int window, int rounds) throws Exception {
        List<Side> sides = guarded == null ? List.of(generated, bare) : List.of(generated, bare, guarded);
        // The generated side runs more code for the JIT to compile: warm all up on full rounds, not a quarter of one.
        for (int w = 0; w < Integer.getInteger("bench.warmups", 2); w++) {
            for (Side side : sides) {
                run(side, messages, window);
            }
        }
        List<List<Result>> saturated = sides.stream().<List<Result>>map(side -> new ArrayList<>()).toList();
        for (int r = 0; r < rounds; r++) {
            for (int s = 0; s < sides.size(); s++) {
                saturated.get(s).add(run(sides.get(s), messages, window));
            }
        }
        double[] perSecond = saturated.stream().mapToDouble(runs -> median(runs, Result::perSecond)).toArray();
        double rate = Double.parseDouble(System.getProperty("bench.rate", "0"));
        double offered = rate > 0 ? rate : Math.floor(java.util.Arrays.stream(perSecond).min().orElseThrow() / 2);
        int pacedMessages = (int) Math.max(100, offered * Double.parseDouble(System.getProperty("bench.pacedSeconds", "10")));
        List<List<Result>> paced = sides.stream().<List<Result>>map(side -> new ArrayList<>()).toList();
        for (int r = 0; r < rounds; r++) {
            for (int s = 0; s < sides.size(); s++) {
                paced.get(s).add(paced(sides.get(s), pacedMessages, offered));
            }
        }
        List<Result> latency = paced.stream().map(MessagingBenchmark::median).toList();
        // -Dbench.bareTracing=true: the baselines observed by their library's own tracing, named so in every line.
        library = BareTracing.ENABLED ? library + " traced" : library;
        // -Dbench.bareHeaders=true: the baselines carry the CloudEvent envelope, the guarded one dedups by its id.
        String envelope = CloudEventHeaders.ENABLED ? " with the CloudEvent envelope" : "";
        List<String> names = List.of("generated", "bare " + library + envelope,
                library + envelope + ", same guarantees by hand");
        for (int s = 0; s < sides.size(); s++) {
            System.out.printf(Locale.ROOT, "| %s | %s | %.0f | %.0f | %.0f | %.0f |%n", broker, names.get(s), perSecond[s],
                    offered, latency.get(s).p50(), latency.get(s).p99());
        }
        List<String> lines = new ArrayList<>();
        lines.add(String.format(Locale.ROOT, "%s: throughput %.2f×, p99 %.2f× (generated / bare %s%s)", broker,
                perSecond[0] / perSecond[1], latency.get(0).p99() / latency.get(1).p99(), library, envelope));
        if (guarded != null) {
            lines.add(String.format(Locale.ROOT, "%s, same guarantees: throughput %.2f×, p99 %.2f× (generated / %s with "
                    + "%s, in-memory dedup and dead letters by hand)", broker, perSecond[0] / perSecond[2],
                    latency.get(0).p99() / latency.get(2).p99(), library,
                    CloudEventHeaders.ENABLED ? "the CloudEvent envelope" : "message ids"));
        }
        return lines;
    }

    /** {@code messages} published at {@code perSecond}, each stamped with the moment it was due. */
    private static Result paced(Side side, int messages, double perSecond) throws Exception {
        Deliveries.Round round = Deliveries.start(messages);
        long interval = (long) (1e9 / perSecond);
        long started = System.nanoTime();
        for (long sequence = 0; sequence < messages; sequence++) {
            long due = started + sequence * interval;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            side.publish(sequence, due).whenComplete((done, failure) -> {
                if (failure != null) {
                    failure.printStackTrace();
                }
            });
        }
        if (!round.await(120)) {
            throw new IllegalStateException("not every message arrived");
        }
        return new Result(messages / ((System.nanoTime() - started) / 1e9), round.p50Micros(), round.p99Micros());
    }

    private static Result run(Side side, int messages, int window) throws Exception {
        Deliveries.Round round = Deliveries.start(messages);
        Semaphore unconfirmed = new Semaphore(window);
        long started = System.nanoTime();
        for (long sequence = 0; sequence < messages; sequence++) {
            unconfirmed.acquire();
            side.publish(sequence, System.nanoTime()).whenComplete((done, failure) -> {
                unconfirmed.release();
                if (failure != null) {
                    failure.printStackTrace();
                }
            });
        }
        if (Boolean.getBoolean("bench.verbose")) {
            System.out.printf(Locale.ROOT, "  %s published %d in %.2fs%n", side.getClass().getSimpleName(), messages,
                    (System.nanoTime() - started) / 1e9);
        }
        if (!round.await(120)) {
            throw new IllegalStateException("not every message arrived");
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        return new Result(messages / seconds, round.p50Micros(), round.p99Micros());
    }

    private static Result median(List<Result> runs) {
        return new Result(median(runs, Result::perSecond), median(runs, Result::p50), median(runs, Result::p99));
    }

    private static double median(List<Result> runs, ToDoubleFunction<Result> value) {
        List<Result> sorted = new ArrayList<>(runs);
        sorted.sort(Comparator.comparingDouble(value));
        return value.applyAsDouble(sorted.get(sorted.size() / 2));
    }

    private record Result(double perSecond, double p50, double p99) {}
}
