package dev.switchboard.it.grpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.google.protobuf.ByteString;
import io.grpc.CallOptions;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.MethodDescriptor;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse;
import io.grpc.health.v1.HealthGrpc;
import io.grpc.reflection.v1.ServerReflectionGrpc;
import io.grpc.reflection.v1.ServerReflectionRequest;
import io.grpc.reflection.v1.ServerReflectionResponse;
import io.grpc.stub.ClientCalls;
import io.grpc.stub.StreamObserver;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The running service seen from the wire, with a bare grpc-java channel and no generated code:
 * malformed bytes, the standard health service, and reflection describing the contract.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GrpcWireTest {

    private static final String SERVICE = "dev.switchboard.it.grpc.orders.Orders";

    private Services.Server server;
    private ManagedChannel channel;

    @BeforeAll
    void start() {
        server = Services.server(Map.of());
        channel = ManagedChannelBuilder.forAddress("127.0.0.1", server.grpcPort()).usePlaintext().build();
    }

    @AfterAll
    void stop() throws InterruptedException {
        channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        server.close();
    }

    @Test
    void malformedRequestBytesAreInvalidArgumentNotAnInternalError() {
        // Field 1 (a string) claims 5 bytes but only 1 follows; then a group start, which proto3 never writes.
        for (byte[] garbage : List.of(new byte[] {0x0A, 0x05, 'a'}, new byte[] {0x0B}, new byte[] {(byte) 0xFF})) {
            assertThatThrownBy(() -> ClientCalls.blockingUnaryCall(channel, raw("GetOrder"), CallOptions.DEFAULT, garbage))
                    .isInstanceOfSatisfying(StatusRuntimeException.class, failure -> {
                        assertThat(failure.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
                        assertThat(failure.getStatus().getDescription()).contains("not valid protobuf");
                    });
        }
    }

    @Test
    void validBytesFromAnyClientAreServed() {
        byte[] missing = {0x0A, 0x03, 'x', '-', '1'};
        assertThatThrownBy(() -> ClientCalls.blockingUnaryCall(channel, raw("GetOrder"), CallOptions.DEFAULT, missing))
                .isInstanceOfSatisfying(StatusRuntimeException.class, failure ->
                        assertThat(failure.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND));
    }

    @Test
    void theStandardHealthServiceAnswersServing() {
        HealthCheckResponse health = HealthGrpc.newBlockingStub(channel).check(HealthCheckRequest.getDefaultInstance());
        assertThat(health.getStatus()).isEqualTo(HealthCheckResponse.ServingStatus.SERVING);
    }

    @Test
    void reflectionListsTheServiceAndServesTheContractsDescriptor() throws Exception {
        List<ServerReflectionResponse> answers = reflect(
                ServerReflectionRequest.newBuilder().setListServices("*").build(),
                ServerReflectionRequest.newBuilder().setFileContainingSymbol(SERVICE).build());

        assertThat(answers.get(0).getListServicesResponse().getServiceList())
                .extracting(service -> service.getName())
                .contains(SERVICE, "grpc.health.v1.Health");
        List<ByteString> files = answers.get(1).getFileDescriptorResponse().getFileDescriptorProtoList();
        FileDescriptorProto orders = null;
        for (ByteString file : files) {
            FileDescriptorProto proto = FileDescriptorProto.parseFrom(file);
            if (proto.getName().equals("orders.proto")) {
                orders = proto;
            }
        }
        assertThat(orders).isNotNull();
        assertThat(orders.getService(0).getMethodList()).extracting(method -> method.getName())
                .contains("CreateOrder", "GetOrder", "WatchOrders", "ImportOrders", "TrackOrders");
    }

    private List<ServerReflectionResponse> reflect(ServerReflectionRequest... requests) throws Exception {
        List<ServerReflectionResponse> answers = new CopyOnWriteArrayList<>();
        CompletableFuture<Void> done = new CompletableFuture<>();
        StreamObserver<ServerReflectionRequest> out = ServerReflectionGrpc.newStub(channel)
                .serverReflectionInfo(new StreamObserver<>() {
                    @Override
                    public void onNext(ServerReflectionResponse answer) {
                        answers.add(answer);
                    }

                    @Override
                    public void onError(Throwable failure) {
                        done.completeExceptionally(failure);
                    }

                    @Override
                    public void onCompleted() {
                        done.complete(null);
                    }
                });
        for (ServerReflectionRequest request : requests) {
            out.onNext(request);
        }
        out.onCompleted();
        done.get(10, TimeUnit.SECONDS);
        assertThat(answers).hasSize(requests.length);
        return answers;
    }

    private static MethodDescriptor<byte[], byte[]> raw(String method) {
        MethodDescriptor.Marshaller<byte[]> bytes = new MethodDescriptor.Marshaller<>() {
            @Override
            public InputStream stream(byte[] value) {
                return new ByteArrayInputStream(value);
            }

            @Override
            public byte[] parse(InputStream stream) {
                try {
                    return stream.readAllBytes();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        };
        return MethodDescriptor.<byte[], byte[]>newBuilder()
                .setType(MethodDescriptor.MethodType.UNARY)
                .setFullMethodName(MethodDescriptor.generateFullMethodName(SERVICE, method))
                .setRequestMarshaller(bytes)
                .setResponseMarshaller(bytes)
                .build();
    }
}
