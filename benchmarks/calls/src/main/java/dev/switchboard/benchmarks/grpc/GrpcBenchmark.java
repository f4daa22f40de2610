package dev.switchboard.benchmarks.grpc;

import dev.switchboard.benchmarks.CatalogItems;
import dev.switchboard.benchmarks.LoadGenerator;
import dev.switchboard.benchmarks.catalog.CatalogClient;
import dev.switchboard.benchmarks.catalog.PutItemRequest;
import dev.switchboard.benchmarks.catalog.protobuf.CatalogGrpc;
import dev.switchboard.benchmarks.grpc.handwritten.HandWrittenGrpcApplication;
import dev.switchboard.benchmarks.rest.BenchmarkApplication;
import dev.switchboard.benchmarks.rest.CallerApplication;
import io.grpc.ManagedChannel;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.grpc.client.GrpcChannelFactory;
import org.springframework.grpc.server.lifecycle.GrpcServerStartedEvent;

/**
 * The generated gRPC service and client against hand-written grpc-java with protoc's stubs doing
 * the same work, each served by its own Spring gRPC server (Netty) in one JVM, driven by one load
 * generator in interleaved rounds. Half the calls read an item, half write a validated one.
 *
 * <pre>./mvnw -B -pl benchmarks/calls exec:java -Dbench.main=dev.switchboard.benchmarks.grpc.GrpcBenchmark</pre>
 */
public final class GrpcBenchmark {

    private GrpcBenchmark() {}

    @SuppressWarnings("try") // the servers are held open by the try, not referenced in it
    public static void main(String[] args) throws Exception {
        AtomicInteger generatedPort = new AtomicInteger();
        AtomicInteger handWrittenPort = new AtomicInteger();
        try (ConfigurableApplicationContext generatedServer = generatedServer(args, generatedPort);
                ConfigurableApplicationContext handWrittenServer = handWrittenServer(args, handWrittenPort);
                ConfigurableApplicationContext caller = new SpringApplicationBuilder(CallerApplication.class)
                        .web(WebApplicationType.NONE)
                        .properties(BenchmarkApplication.QUIET)
                        .properties("switchboard.services.catalog.client.transport=grpc",
                                "switchboard.services.catalog.client.address=127.0.0.1:" + generatedPort.get())
                        .run(args)) {
            // The stubs' channels come from the same Spring gRPC channel factory, as a Spring gRPC
            // developer would make them: the same global interceptors (client observation) apply.
            GrpcChannelFactory channels = caller.getBean(GrpcChannelFactory.class);
            ManagedChannel toGenerated = channels.createChannel("127.0.0.1:" + generatedPort.get());
            ManagedChannel toHandWritten = channels.createChannel("127.0.0.1:" + handWrittenPort.get());
            try {
                CatalogClient generated = caller.getBean(CatalogClient.class);
                CatalogGrpc.CatalogBlockingStub stubToHandWritten = CatalogGrpc.newBlockingStub(toHandWritten);
                CatalogGrpc.CatalogBlockingStub stubToGenerated = CatalogGrpc.newBlockingStub(toGenerated);
                for (int i = 0; i < CatalogItems.COUNT; i++) {
                    generated.putItem(new PutItemRequest(CatalogItems.item(i)));
                    stubToHandWritten.putItem(protoPut(i));
                }

                Map<String, LoadGenerator.Call> scenarios = new LinkedHashMap<>();
                scenarios.put("generated client → generated service", sequence -> CatalogItems.readOrWrite(generated, sequence));
                scenarios.put("protoc stub → hand-written service", sequence -> stubCall(stubToHandWritten, sequence));
                scenarios.put("protoc stub → generated service", sequence -> stubCall(stubToGenerated, sequence));

                List<LoadGenerator.Result> medians = LoadGenerator.fromSystemProperties().measure(scenarios);
                LoadGenerator.ratio("service + client:", medians.get(0), medians.get(1));
                LoadGenerator.ratio("service only:    ", medians.get(2), medians.get(1));
            } finally {
                toGenerated.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
                toHandWritten.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
            }
        }
    }

    /** The generated service (REST and gRPC on free ports); its gRPC port goes into {@code grpcPort}. */
    public static ConfigurableApplicationContext generatedServer(String[] args, AtomicInteger grpcPort,
            String... properties) {
        return new SpringApplicationBuilder(BenchmarkApplication.class)
                .properties(BenchmarkApplication.QUIET).properties("server.port=0", "spring.grpc.server.port=0")
                .properties(properties)
                .listeners(event -> portOf(event, grpcPort))
                .run(args);
    }

    /** The hand-written grpc-java service on a free port, which goes into {@code grpcPort}. */
    public static ConfigurableApplicationContext handWrittenServer(String[] args, AtomicInteger grpcPort) {
        return new SpringApplicationBuilder(HandWrittenGrpcApplication.class)
                .web(WebApplicationType.NONE)
                .properties(BenchmarkApplication.QUIET).properties("spring.grpc.server.port=0")
                .listeners(event -> portOf(event, grpcPort))
                .run(args);
    }

    private static void portOf(Object event, AtomicInteger port) {
        if (event instanceof GrpcServerStartedEvent started) {
            port.set(started.getPort());
        }
    }

    static void stubCall(CatalogGrpc.CatalogBlockingStub stub, long sequence) {
        CatalogGrpc.CatalogBlockingStub withDeadline = stub.withDeadlineAfter(2, TimeUnit.SECONDS);
        if (sequence % 2 == 0) {
            withDeadline.getItem(dev.switchboard.benchmarks.catalog.protobuf.GetItemRequest.newBuilder()
                    .setSku(CatalogItems.sku(sequence)).build());
        } else {
            withDeadline.putItem(protoPut(sequence));
        }
    }

    static dev.switchboard.benchmarks.catalog.protobuf.PutItemRequest protoPut(long sequence) {
        return dev.switchboard.benchmarks.catalog.protobuf.PutItemRequest.newBuilder()
                .setItem(dev.switchboard.benchmarks.catalog.protobuf.Item.newBuilder()
                        .setSku(CatalogItems.sku(sequence)).setName("Item " + sequence).setPrice(sequence)
                        .addTags("a").addTags("b"))
                .build();
    }
}
