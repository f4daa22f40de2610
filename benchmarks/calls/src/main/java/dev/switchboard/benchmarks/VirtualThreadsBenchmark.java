package dev.switchboard.benchmarks;

import dev.switchboard.benchmarks.catalog.PutItemRequest;
import dev.switchboard.benchmarks.catalog.protobuf.CatalogGrpc;
import dev.switchboard.benchmarks.catalog.protobuf.Item;
import dev.switchboard.benchmarks.catalog.protobuf.WatchItemRequest;
import dev.switchboard.benchmarks.grpc.GrpcBenchmark;
import dev.switchboard.benchmarks.grpc.GrpcServiceBenchmark;
import dev.switchboard.benchmarks.rest.BenchmarkApplication;
import dev.switchboard.benchmarks.rest.CatalogStore;
import dev.switchboard.benchmarks.rest.WrkBenchmark;
import io.grpc.ManagedChannel;
import io.grpc.netty.NettyChannelBuilder;
import io.grpc.stub.StreamObserver;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The generated service with and without {@code spring.threads.virtual.enabled}, two applications in
 * one JVM (Java 21+), interleaved rounds, medians:
 *
 * <ol>
 *   <li><b>blocking downstream over REST</b>: every read waits {@code bench.downstream-ms} (50) on a
 *       simulated downstream, {@code bench.connections} (400) concurrent wrk connections;</li>
 *   <li><b>blocking downstream over gRPC</b>: the same reads from {@code bench.connections} callers in a
 *       separate load process;</li>
 *   <li><b>streaming over gRPC</b>: {@code bench.streams} (2000) server streams opened at once, each sending
 *       20 updates 50 ms apart; streams completed per second, a stream's duration, and how many platform
 *       threads hold stream handlers (virtual threads are not platform threads).</li>
 * </ol>
 *
 * <pre>JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64 ./mvnw -B -pl benchmarks/calls exec:java \
 *     -Dbench.main=dev.switchboard.benchmarks.VirtualThreadsBenchmark -Dbench.seconds=10 -Dbench.rounds=3</pre>
 */
public final class VirtualThreadsBenchmark {

    private static final String[] SIDES = {"platform threads", "virtual threads"};

    private VirtualThreadsBenchmark() {}

    public static void main(String[] args) throws Exception {
        if (Runtime.version().feature() < 21) {
            throw new IllegalStateException("virtual threads need Java 21+; run with JAVA_HOME set to one");
        }
        int seconds = Integer.getInteger("bench.seconds", 10);
        int rounds = Integer.getInteger("bench.rounds", 3);
        int connections = Integer.getInteger("bench.connections", 400);
        int streams = Integer.getInteger("bench.streams", 2000);
        long downstream = Long.getLong("bench.downstream-ms", 50);
        List<ConfigurableApplicationContext> servers = new ArrayList<>();
        try {
            List<Integer> grpcPorts = new ArrayList<>();
            for (String side : SIDES) {
                AtomicInteger grpcPort = new AtomicInteger();
                servers.add(GrpcBenchmark.generatedServer(args, grpcPort, "bench.downstream-ms=" + downstream,
                        "spring.threads.virtual.enabled=" + side.startsWith("virtual")));
                grpcPorts.add(grpcPort.get());
                CatalogStore store = servers.get(servers.size() - 1).getBean(CatalogStore.class);
                for (int i = 0; i < CatalogItems.COUNT; i++) {
                    store.putItem(new PutItemRequest(CatalogItems.item(i)));
                }
            }

            String[] cases = {"REST, " + downstream + " ms downstream, ", "gRPC, " + downstream + " ms downstream, ",
                    "gRPC, " + streams + " streams at once, "};
            Map<String, List<LoadGenerator.Result>> results = new LinkedHashMap<>();
            for (String name : cases) {
                for (String side : SIDES) {
                    results.put(name + side, new ArrayList<>());
                }
            }
            Map<String, List<Double>> handlerThreadCounts = new LinkedHashMap<>();
            for (int r = -1; r < rounds; r++) { // round -1 warms up
                for (int s = 0; s < SIDES.length; s++) {
                    LoadGenerator.Result restResult = WrkBenchmark.wrk(1, connections, seconds,
                            List.of(BenchmarkApplication.baseUrl(servers.get(s)) + "/items/sku-7"));
                    LoadGenerator.Result grpcResult = GrpcServiceBenchmark.load(grpcPorts.get(s), connections, 3,
                            seconds, "reads");
                    AtomicInteger handlerThreads = new AtomicInteger();
                    LoadGenerator.Result streamResult = streams(grpcPorts.get(s), streams, handlerThreads);
                    if (r >= 0) {
                        results.get(cases[0] + SIDES[s]).add(restResult);
                        results.get(cases[1] + SIDES[s]).add(grpcResult);
                        results.get(cases[2] + SIDES[s]).add(streamResult);
                        handlerThreadCounts.computeIfAbsent(SIDES[s], k -> new ArrayList<>()).add((double) handlerThreads.get());
                    }
                }
            }
            List<LoadGenerator.Result> medians = LoadGenerator.report(connections, Duration.ofSeconds(seconds), rounds,
                    results);
            System.out.println("\n(streaming rows: streams completed per second, p50/p99 of a stream's whole duration)");
            handlerThreadCounts.forEach((side, peaks) -> System.out.printf(Locale.ROOT,
                    "platform threads running stream handlers with every stream open, %s: %.0f%n", side,
                    peaks.stream().sorted().toList().get(peaks.size() / 2)));
            System.out.println();
            String[] labels = {"REST, blocking downstream", "gRPC, blocking downstream", "gRPC, streaming"};
            for (int i = 0; i < labels.length; i++) {
                LoadGenerator.Result platform = medians.get(2 * i);
                LoadGenerator.Result virtual = medians.get(2 * i + 1);
                System.out.printf(Locale.ROOT, "%s: throughput %.2f×, p99 %.2f× (virtual / platform threads)%n", labels[i],
                        virtual.throughput() / platform.throughput(), virtual.p99Micros() / platform.p99Micros());
            }
        } finally {
            servers.forEach(ConfigurableApplicationContext::close);
        }
    }

    /**
     * Opens {@code count} server streams at once and waits for all of them: streams completed per
     * second, and the median and 99th percentile of one stream's duration.
     */
    private static LoadGenerator.Result streams(int port, int count, AtomicInteger handlerThreads)
            throws InterruptedException {
        ManagedChannel channel = NettyChannelBuilder.forAddress("127.0.0.1", port).usePlaintext().build();
        try {
            CatalogGrpc.CatalogStub stub = CatalogGrpc.newStub(channel);
            CountDownLatch done = new CountDownLatch(count);
            AtomicInteger failed = new AtomicInteger();
            org.HdrHistogram.Histogram durations = new org.HdrHistogram.Histogram(Duration.ofMinutes(5).toNanos(), 3);
            long started = System.nanoTime();
            for (int i = 0; i < count; i++) {
                long opened = System.nanoTime();
                stub.watchItem(WatchItemRequest.newBuilder().setSku(CatalogItems.sku(i)).setUpdates(20).setEveryMs(50).build(),
                        new StreamObserver<>() {
                            @Override
                            public void onNext(Item item) {}

                            @Override
                            public void onError(Throwable t) {
                                failed.incrementAndGet();
                                done.countDown();
                            }

                            @Override
                            public void onCompleted() {
                                synchronized (durations) {
                                    durations.recordValue(System.nanoTime() - opened);
                                }
                                done.countDown();
                            }
                        });
            }
            // Every stream sends for a second: halfway, all are open. Platform threads in a handler show it in
            // their stacks; virtual threads are not platform threads and are not listed.
            Thread.sleep(500);
            handlerThreads.set((int) Thread.getAllStackTraces().values().stream()
                    .filter(stack -> Arrays.stream(stack).anyMatch(frame -> frame.getMethodName().equals("watchItem")))
                    .count());
            if (!done.await(5, TimeUnit.MINUTES) || failed.get() > 0) {
                throw new IllegalStateException(failed.get() + " of " + count + " streams failed or did not end");
            }
            double elapsedSeconds = (System.nanoTime() - started) / 1e9;
            return new LoadGenerator.Result(count / elapsedSeconds, durations.getValueAtPercentile(50) / 1e3,
                    durations.getValueAtPercentile(99) / 1e3);
        } finally {
            channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        }
    }
}
