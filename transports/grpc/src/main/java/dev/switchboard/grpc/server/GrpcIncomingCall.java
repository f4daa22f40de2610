package dev.switchboard.grpc.server;

import dev.switchboard.grpc.GrpcStatuses;
import dev.switchboard.runtime.SwitchboardException;
import dev.switchboard.runtime.call.Deadline;
import dev.switchboard.runtime.pipeline.IncomingCall;
import dev.switchboard.runtime.pipeline.ResponseStream;
import dev.switchboard.runtime.policy.OperationDescriptor;
import io.grpc.Context;
import io.grpc.Metadata;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * What only gRPC knows about a call the server pipeline runs: the request metadata, the deadline
 * gRPC carried ({@code grpc-timeout}, in the call's {@link Context}), and how the call ends (OK or
 * a status with details), never written once the client cancelled.
 */
abstract class GrpcIncomingCall<O> implements IncomingCall, ResponseStream {

    private static final Map<String, Metadata.Key<String>> KEYS = new ConcurrentHashMap<>();

    protected final StreamObserver<O> responses;
    private final OperationDescriptor operation;
    private final Metadata headers;

    GrpcIncomingCall(OperationDescriptor operation, Metadata headers, StreamObserver<O> responses) {
        this.operation = operation;
        this.headers = headers;
        this.responses = responses;
    }

    @Override
    public String header(String name) {
        return headers == null ? null
                : headers.get(KEYS.computeIfAbsent(name, key -> Metadata.Key.of(key, Metadata.ASCII_STRING_MARSHALLER)));
    }

    @Override
    public Deadline deadline() {
        io.grpc.Deadline incoming = Context.current().getDeadline();
        return incoming == null ? null : Deadline.after(Duration.ofNanos(incoming.timeRemaining(TimeUnit.NANOSECONDS)));
    }

    @Override
    public boolean isCancelled() {
        return responses instanceof ServerCallStreamObserver<O> call && call.isCancelled();
    }

    @Override
    public void complete() {
        responses.onCompleted();
    }

    @Override
    public void fail(SwitchboardException failure) {
        if (!isCancelled()) {
            responses.onError(GrpcStatuses.toStatus(failure, operation.service()));
        }
    }
}
