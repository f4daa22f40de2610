package dev.switchboard.benchmarks.messaging;

import dev.switchboard.benchmarks.messaging.bare.BareKafkaSide;
import dev.switchboard.benchmarks.messaging.bare.BareNatsSide;
import dev.switchboard.benchmarks.messaging.bare.BareRabbitSide;
import dev.switchboard.benchmarks.messaging.generated.GeneratedSide;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.function.ToDoubleFunction;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * The generated publisher and handler against a bare use of the same library, on the real NATS
 * and RabbitMQ servers and an in-process Kafka (KRaft) broker, in one JVM: each side publishes {@code bench.messages} events with at
 * most {@code bench.window} unconfirmed, into a consumer in its own application; messages per second
 * from the first publish to the last delivery, and publish-to-handler latency. Rounds interleave
 * the sides, so drift in the machine hits both alike.
 *
 * <pre>./mvnw -B -pl benchmarks/messaging exec:java -Dbench.messages=20000 -Dbench.rounds=3</pre>
 */
public final class MessagingBenchmark {

    private MessagingBenchmark() {}

    public static void main(String[] args) throws Exception {
        int messages = Integer.getInteger("bench.messages", 20_000);
        int window = Integer.getInteger("bench.window", 500);
        int rounds = Integer.getInteger("bench.rounds", 3);
        System.out.printf(Locale.ROOT, "%n%d messages per round, at most %d unconfirmed, %d rounds after a warm-up; medians%n%n",
                messages, window, rounds);
        System.out.println("| broker | side | messages/s | p50 µs | p99 µs |");
        System.out.println("| --- | --- | ---: | ---: | ---: |");
        List<String> brokers = List.of(System.getProperty("bench.brokers", "nats,rabbitmq,kafka").split(","));
        // Tracing samples every call by default (Switchboard's default); -Dbench.sampling=0.1 measures a production-like rate.
        String sampling = System.getProperty("bench.sampling", "1.0");
        List<String> ratios = new ArrayList<>();
        if (brokers.contains("nats")) {
            try (Side generated = new GeneratedSide(Map.of("switchboard.messaging.broker", "nats",
                    "management.tracing.sampling.probability", sampling));
                    Side bare = new BareNatsSide("nats://127.0.0.1:4222")) {
                ratios.add(compare("NATS JetStream", "jnats", generated, bare, messages, window, rounds));
            }
        }
        if (brokers.contains("rabbitmq")) {
            try (Side generated = new GeneratedSide(Map.of("switchboard.messaging.broker", "rabbitmq",
                    "spring.rabbitmq.host", "127.0.0.1", "management.tracing.sampling.probability", sampling));
                    Side bare = new BareRabbitSide("127.0.0.1", 5672)) {
                ratios.add(compare("RabbitMQ", "spring-amqp", generated, bare, messages, window, rounds));
            }
        }
        if (brokers.contains("kafka")) {
            // No Kafka server runs here: spring-kafka's in-process KRaft broker, the same for both sides.
            EmbeddedKafkaKraftBroker kafka = new EmbeddedKafkaKraftBroker(1, 2, "bench.prices.changed", "bench.bare.prices");
            kafka.afterPropertiesSet();
            try (Side generated = new GeneratedSide(Map.of("switchboard.messaging.broker", "kafka",
                    "spring.kafka.bootstrap-servers", kafka.getBrokersAsString(),
                    "management.tracing.sampling.probability", sampling));
                    Side bare = new BareKafkaSide(kafka.getBrokersAsString())) {
                ratios.add(compare("Kafka", "spring-kafka", generated, bare, messages, window, rounds));
            } finally {
                kafka.destroy();
            }
        }
        System.out.println();
        ratios.forEach(System.out::println);
    }

    private static String compare(String broker, String library, Side generated, Side bare, int messages, int window,
            int rounds) throws Exception {
        run(generated, messages / 4, window);
        run(bare, messages / 4, window);
        List<Result> generatedRuns = new ArrayList<>();
        List<Result> bareRuns = new ArrayList<>();
        for (int r = 0; r < rounds; r++) {
            generatedRuns.add(run(generated, messages, window));
            bareRuns.add(run(bare, messages, window));
        }
        Result g = median(generatedRuns);
        Result b = median(bareRuns);
        System.out.printf(Locale.ROOT, "| %s | generated | %.0f | %.0f | %.0f |%n", broker, g.perSecond(), g.p50(), g.p99());
        System.out.printf(Locale.ROOT, "| %s | bare %s | %.0f | %.0f | %.0f |%n", broker, library, b.perSecond(), b.p50(), b.p99());
        return String.format(Locale.ROOT, "%s: throughput %.2f×, p99 %.2f× (generated / bare %s)", broker,
                g.perSecond() / b.perSecond(), g.p99() / b.p99(), library);
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
