package dev.switchboard.it.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.google.rpc.ErrorInfo;
import dev.switchboard.it.security.ledger.Entry;
import dev.switchboard.it.security.ledger.Identity;
import dev.switchboard.it.security.ledger.LedgerGrpc;
import dev.switchboard.it.security.ledger.WhoAmIRequest;
import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientInterceptors;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse;
import io.grpc.health.v1.HealthGrpc;
import io.grpc.protobuf.StatusProto;
import io.grpc.reflection.v1.ServerReflectionGrpc;
import io.grpc.reflection.v1.ServerReflectionRequest;
import io.grpc.reflection.v1.ServerReflectionResponse;
import io.grpc.stub.ClientCalls;
import io.grpc.stub.MetadataUtils;
import io.grpc.stub.StreamObserver;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * gRPC with the security starter: Spring gRPC's security interceptor authenticates with the same
 * JwtDecoder bean as REST, lets every call through to the pipeline, which decides from the scopes.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GrpcJwtTest {

    private TokenIssuer issuer;
    private Ledgers.Ledger ledger;
    private ManagedChannel channel;

    @BeforeAll
    void start() throws Exception {
        issuer = new TokenIssuer();
        ledger = Ledgers.start(issuer.resourceServer());
        channel = ManagedChannelBuilder.forTarget(ledger.grpcAddress()).usePlaintext().build();
    }

    @AfterAll
    void stop() throws InterruptedException {
        if (channel != null) {
            channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        }
        if (ledger != null) {
            ledger.close();
        }
        if (issuer != null) {
            issuer.close();
        }
    }

    @Test
    void validTokenReachesTheHandlerWithItsSubjectAndScopes() {
        Identity identity = call(LedgerGrpc.WHO_AM_I, new WhoAmIRequest(null), issuer.token("alice", "ledger:read x"));

        assertThat(identity.subject()).isEqualTo("alice");
        assertThat(identity.scopes()).containsExactly("ledger:read", "x");
    }

    @Test
    void noTokenIsUnauthenticatedByThePipeline() {
        StatusRuntimeException refused = refused(LedgerGrpc.WHO_AM_I, new WhoAmIRequest(null), null);

        assertThat(refused.getStatus().getCode()).isEqualTo(Status.Code.UNAUTHENTICATED);
        assertThat(errorInfo(refused).getReason()).isEqualTo("UNAUTHENTICATED");
    }

    @Test
    void expiredForeignAndForgedTokensAreUnauthenticatedWithStatusDetails() {
        for (String token : new String[] {issuer.expired("alice", "ledger:read"),
                issuer.forAudience("alice", "ledger:read", "payments"),
                issuer.fromIssuer("alice", "ledger:read", "https://elsewhere.example"),
                issuer.forged("alice", "ledger:read"), "not-a-jwt"}) {
            StatusRuntimeException refused = refused(LedgerGrpc.WHO_AM_I, new WhoAmIRequest(null), token);

            assertThat(refused.getStatus().getCode()).isEqualTo(Status.Code.UNAUTHENTICATED);
            assertThat(refused.getStatus().getDescription()).startsWith("the credentials were refused");
            ErrorInfo info = errorInfo(refused);
            assertThat(info.getReason()).isEqualTo("UNAUTHENTICATED");
            assertThat(info.getDomain()).isEqualTo("switchboard.security");
        }
        MeterRegistry meters = ledger.context().getBean(MeterRegistry.class);
        assertThat(meters.find("switchboard.call").tags("service", "*", "outcome", "UNAUTHENTICATED",
                "transport", "grpc").timer()).isNotNull();
    }

    @Test
    void aServiceWithoutHttpAuthenticatesFromTheSameProperties() throws Exception {
        Map<String, String> properties = new HashMap<>(issuer.resourceServer());
        properties.put("spring.main.web-application-type", "none");
        try (Ledgers.Ledger grpcOnly = Ledgers.start(properties)) {
            ManagedChannel direct = ManagedChannelBuilder.forTarget(grpcOnly.grpcAddress()).usePlaintext().build();
            try {
                Identity identity = ClientCalls.blockingUnaryCall(withToken(direct, issuer.token("gus", "ledger:read")),
                        LedgerGrpc.WHO_AM_I, CallOptions.DEFAULT.withDeadlineAfter(10, TimeUnit.SECONDS),
                        new WhoAmIRequest(null));
                assertThat(identity.subject()).isEqualTo("gus");
                StatusRuntimeException expired = catchThrowableOfType(StatusRuntimeException.class,
                        () -> ClientCalls.blockingUnaryCall(withToken(direct, issuer.expired("gus", "ledger:read")),
                                LedgerGrpc.WHO_AM_I, CallOptions.DEFAULT, new WhoAmIRequest(null)));
                assertThat(expired.getStatus().getCode()).isEqualTo(Status.Code.UNAUTHENTICATED);
            } finally {
                direct.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
            }
        }
    }

    @Test
    void tokenMissingAScopeIsPermissionDeniedNamingIt() {
        StatusRuntimeException refused = refused(LedgerGrpc.RECORD, new Entry("e-1", 5),
                issuer.token("bob", "ledger:read"));

        assertThat(refused.getStatus().getCode()).isEqualTo(Status.Code.PERMISSION_DENIED);
        assertThat(errorInfo(refused).getMetadataMap()).containsEntry("missingScopes", "ledger:write");
    }

    @Test
    void publicOperationHealthAndReflectionNeedNoToken() throws Exception {
        assertThat(call(LedgerGrpc.PING, new WhoAmIRequest(null), null).subject()).isEqualTo("anonymous");
        HealthCheckResponse health = HealthGrpc.newBlockingStub(channel).check(HealthCheckRequest.getDefaultInstance());
        assertThat(health.getStatus()).isEqualTo(HealthCheckResponse.ServingStatus.SERVING);

        CompletableFuture<ServerReflectionResponse> listed = new CompletableFuture<>();
        StreamObserver<ServerReflectionRequest> reflection = ServerReflectionGrpc.newStub(channel)
                .serverReflectionInfo(new StreamObserver<>() {
                    @Override
                    public void onNext(ServerReflectionResponse answer) {
                        listed.complete(answer);
                    }

                    @Override
                    public void onError(Throwable failure) {
                        listed.completeExceptionally(failure);
                    }

                    @Override
                    public void onCompleted() {}
                });
        reflection.onNext(ServerReflectionRequest.newBuilder().setListServices("*").build());
        reflection.onCompleted();
        assertThat(listed.get(10, TimeUnit.SECONDS).getListServicesResponse().getServiceList())
                .extracting(service -> service.getName()).contains(LedgerGrpc.SERVICE_NAME);
    }

    @Test
    void badInputOnASecuredOperationIsInvalidArgumentNeverInternal() {
        String token = issuer.token("erin", "ledger:write");

        StatusRuntimeException invalid = refused(LedgerGrpc.RECORD, new Entry("NOT VALID", 0), token);
        assertThat(invalid.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);

        MethodDescriptor<byte[], byte[]> raw = LedgerGrpc.RECORD.toBuilder(new RawBytes(), new RawBytes()).build();
        StatusRuntimeException garbage = refused(raw, new byte[] {(byte) 0xff, (byte) 0xff, 0x01}, token);
        assertThat(garbage.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
    }

    private <I, O> O call(MethodDescriptor<I, O> method, I request, String token) {
        return ClientCalls.blockingUnaryCall(withToken(token), method, CallOptions.DEFAULT.withDeadlineAfter(10,
                TimeUnit.SECONDS), request);
    }

    private <I, O> StatusRuntimeException refused(MethodDescriptor<I, O> method, I request, String token) {
        return catchThrowableOfType(StatusRuntimeException.class, () -> call(method, request, token));
    }

    private Channel withToken(String token) {
        return withToken(channel, token);
    }

    private static Channel withToken(Channel channel, String token) {
        if (token == null) {
            return channel;
        }
        Metadata headers = new Metadata();
        headers.put(Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER), "Bearer " + token);
        return ClientInterceptors.intercept(channel, MetadataUtils.newAttachHeadersInterceptor(headers));
    }

    private static ErrorInfo errorInfo(StatusRuntimeException refused) {
        com.google.rpc.Status status = StatusProto.fromThrowable(refused);
        assertThat(status).as("rich status details").isNotNull();
        return status.getDetailsList().stream().filter(any -> any.is(ErrorInfo.class)).findFirst()
                .map(any -> {
                    try {
                        return any.unpack(ErrorInfo.class);
                    } catch (com.google.protobuf.InvalidProtocolBufferException e) {
                        throw new AssertionError(e);
                    }
                }).orElseThrow();
    }

    /** Bytes as they are, for sending what no codec would write. */
    static final class RawBytes implements MethodDescriptor.Marshaller<byte[]> {
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
    }
}
