package dev.switchboard.benchmarks.grpc;

import dev.switchboard.benchmarks.CatalogItems;
import dev.switchboard.benchmarks.LoadGenerator;
import dev.switchboard.benchmarks.catalog.protobuf.CatalogGrpc;
import io.grpc.ManagedChannel;
import io.grpc.netty.NettyChannelBuilder;
import java.io.File;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The gRPC service alone: the generated service against the hand-written grpc-java one, each on its
 * own Spring gRPC server (Netty) in this JVM, driven by {@link GrpcLoad} in a separate JVM (protoc's
 * blocking stubs, no Spring), so the load generator's own cost is not in the ratio. Interleaved
 * rounds, a fresh load process per round with its own warm-up, medians reported.
 *
 * <pre>./mvnw -B -pl benchmarks/calls exec:java -Dbench.main=dev.switchboard.benchmarks.grpc.GrpcServiceBenchmark \
 *     -Dbench.threads=16 -Dbench.seconds=10 -Dbench.rounds=5</pre>
 */
public final class GrpcServiceBenchmark {

    private GrpcServiceBenchmark() {}

    @SuppressWarnings("try") // the servers are held open by the try, not referenced in it
    public static void main(String[] args) throws Exception {
        int threads = Integer.getInteger("bench.threads", 16);
        int seconds = Integer.getInteger("bench.seconds", 10);
        int rounds = Integer.getInteger("bench.rounds", 5);
        int warmup = Integer.getInteger("bench.warmupSeconds", 5);
        AtomicInteger generatedPort = new AtomicInteger();
        AtomicInteger handWrittenPort = new AtomicInteger();
        try (ConfigurableApplicationContext generatedServer = GrpcBenchmark.generatedServer(args, generatedPort);
                ConfigurableApplicationContext handWrittenServer = GrpcBenchmark.handWrittenServer(args, handWrittenPort)) {
            fill(generatedPort.get());
            fill(handWrittenPort.get());
            Map<String, Integer> scenarios = new LinkedHashMap<>();
            scenarios.put("separate load process → generated service", generatedPort.get());
            scenarios.put("separate load process → hand-written service", handWrittenPort.get());
            Map<String, List<LoadGenerator.Result>> results = new LinkedHashMap<>();
            scenarios.forEach((name, port) -> results.put(name, new ArrayList<>()));
            for (int r = 0; r < rounds; r++) {
                for (Map.Entry<String, Integer> scenario : scenarios.entrySet()) {
                    results.get(scenario.getKey()).add(load(scenario.getValue(), threads, warmup, seconds));
                }
            }
            List<LoadGenerator.Result> medians = LoadGenerator.report(threads, Duration.ofSeconds(seconds), rounds, results);
            System.out.println();
            System.out.printf(Locale.ROOT, "gRPC service: throughput %.2f×, p99 %.2f× (generated / hand-written, separate load process)%n",
                    medians.get(0).throughput() / medians.get(1).throughput(),
                    medians.get(0).p99Micros() / medians.get(1).p99Micros());
        }
    }

    public static void fill(int port) throws InterruptedException {
        ManagedChannel channel = NettyChannelBuilder.forAddress("127.0.0.1", port).usePlaintext().build();
        try {
            CatalogGrpc.CatalogBlockingStub stub = CatalogGrpc.newBlockingStub(channel);
            for (int i = 0; i < CatalogItems.COUNT; i++) {
                stub.putItem(GrpcBenchmark.protoPut(i));
            }
        } finally {
            channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        }
    }

    /** One run of {@link GrpcLoad} in its own JVM, on this JVM's class path; {@code more}: its optional arguments. */
    public static LoadGenerator.Result load(int port, int threads, int warmup, int seconds, String... more) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-cp", classPath(), GrpcLoad.class.getName(),
                String.valueOf(port), String.valueOf(threads), String.valueOf(warmup), String.valueOf(seconds)));
        command.addAll(List.of(more));
        Process process = new ProcessBuilder(command)
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        if (process.waitFor() != 0) {
            throw new IllegalStateException("the load process failed: " + output);
        }
        String[] figures = output.lines().reduce((first, last) -> last).orElseThrow().split(" ");
        return new LoadGenerator.Result(Double.parseDouble(figures[0]), Double.parseDouble(figures[1]),
                Double.parseDouble(figures[2]));
    }

    /** The class path this benchmark runs on: exec:java's class loader's, else the JVM's. */
    private static String classPath() throws URISyntaxException {
        if (Thread.currentThread().getContextClassLoader() instanceof URLClassLoader loader && loader.getURLs().length > 0) {
            List<String> entries = new ArrayList<>();
            for (URL url : loader.getURLs()) {
                entries.add(Path.of(url.toURI()).toString());
            }
            return String.join(File.pathSeparator, entries);
        }
        return System.getProperty("java.class.path");
    }
}
