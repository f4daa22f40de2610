package dev.switchboard.benchmarks.grpc;

import dev.switchboard.benchmarks.LoadGenerator;
import dev.switchboard.benchmarks.catalog.protobuf.CatalogGrpc;
import io.grpc.ManagedChannel;
import io.grpc.netty.NettyChannelBuilder;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * The load of {@link GrpcServiceBenchmark}, in a process of its own so that its cost is not in the
 * JVM measured: plain grpc-java blocking stubs (protoc's) on one Netty channel, no Spring, no
 * observation; a warm-up, then a closed loop of reads and validated writes. Prints one line:
 * {@code calls/s p50µs p99µs}.
 *
 * <p>Arguments: {@code port threads warmupSeconds seconds [reads]}; with {@code reads}, every call is a read.
 */
public final class GrpcLoad {

    private GrpcLoad() {}

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        int threads = Integer.parseInt(args[1]);
        Duration warmup = Duration.ofSeconds(Long.parseLong(args[2]));
        Duration measured = Duration.ofSeconds(Long.parseLong(args[3]));
        long stride = args.length > 4 && args[4].equals("reads") ? 2 : 1;
        ManagedChannel channel = NettyChannelBuilder.forAddress("127.0.0.1", port).usePlaintext().build();
        try {
            CatalogGrpc.CatalogBlockingStub stub = CatalogGrpc.newBlockingStub(channel);
            LoadGenerator load = new LoadGenerator(threads, measured, 1);
            LoadGenerator.Call call = sequence -> GrpcBenchmark.stubCall(stub, sequence * stride);
            call.run(0); // connects before hundreds of callers start at once
            load.run(warmup, call);
            LoadGenerator.Result result = load.run(measured, call);
            System.out.printf(Locale.ROOT, "%.1f %.1f %.1f%n", result.throughput(), result.p50Micros(), result.p99Micros());
        } finally {
            channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        }
    }
}
