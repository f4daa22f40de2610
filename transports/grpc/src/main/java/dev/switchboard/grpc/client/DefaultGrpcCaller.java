package dev.switchboard.grpc.client;

import dev.switchboard.grpc.GrpcCaller;
import dev.switchboard.grpc.GrpcStatuses;
import dev.switchboard.runtime.ErrorDecoder;
import dev.switchboard.runtime.call.CallContext;
import dev.switchboard.runtime.call.Deadline;
import dev.switchboard.runtime.observation.ClientObservations;
import dev.switchboard.runtime.pipeline.ClientPipeline;
import dev.switchboard.runtime.policy.ClientFallback;
import dev.switchboard.runtime.policy.OperationDescriptor;
import dev.switchboard.runtime.resilience.AttemptContext;
import dev.switchboard.runtime.resilience.PolicyEngine;
import dev.switchboard.runtime.stream.BidiCall;
import dev.switchboard.runtime.stream.StreamSource;
import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientCall;
import io.grpc.MethodDescriptor;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.ClientCalls;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * Calls one downstream service over a gRPC channel through the {@link ClientPipeline} (observation,
 * client policy): per attempt, a call on the channel whose gRPC deadline is the attempt's time (so the
 * server sees what remains in {@code grpc-timeout}), the observation's trace headers in its metadata,
 * and a failed status mapped back to the contract's exceptions.
 */
final class DefaultGrpcCaller implements GrpcCaller {

    private final Channel channel;
    private final ClientPipeline pipeline;
    private final ErrorDecoder errors;

    DefaultGrpcCaller(Channel channel, PolicyEngine policies, ClientObservations observations, ErrorDecoder errors) {
        this.channel = channel;
        this.pipeline = new ClientPipeline(policies, observations, "grpc");
        this.errors = errors;
    }

    @Override
    public <I, O> O unary(OperationDescriptor operation, MethodDescriptor<I, O> method, I request,
            ClientFallback<O> fallback) {
        return pipeline.call(operation, false, headers -> attempt -> {
            try {
                return ClientCalls.blockingUnaryCall(channel, method, options(headers, attempt.deadline()), request);
            } catch (StatusRuntimeException failure) {
                throw GrpcStatuses.toException(failure, errors);
            }
        }, fallback);
    }

    @Override
    public <I, O> StreamSource<O> serverStreaming(OperationDescriptor operation, MethodDescriptor<I, O> method, I request) {
        return open(operation, method, call -> {
            call.send(request);
            call.complete();
            return call.responses();
        });
    }

    @Override
    public <I, O> O clientStreaming(OperationDescriptor operation, MethodDescriptor<I, O> method, Iterable<I> requests) {
        // The whole upload is the one attempt: the requests may be a one-shot iterable. A failure
        // cancels the call (see open) and is what its observation records.
        return open(operation, method, call -> {
            for (I request : requests) {
                call.send(request);
            }
            call.complete();
            return call.single();
        });
    }

    @Override
    public <I, O> BidiCall<I, O> bidiStreaming(OperationDescriptor operation, MethodDescriptor<I, O> method) {
        return open(operation, method, call -> call);
    }

    /** Opens a streaming call in the pipeline's one attempt; the call reports its end to the observation. */
    private <I, O, R> R open(OperationDescriptor operation, MethodDescriptor<I, O> method,
            Function<StreamingCall<I, O>, R> use) {
        return pipeline.open(operation, (headers, outcome) -> attempt -> {
            ClientCall<I, O> call = channel.newCall(method, options(headers, streamDeadline(operation, attempt)));
            StreamingCall<I, O> streaming = new StreamingCall<>(call, errors).start(outcome);
            try {
                return use.apply(streaming);
            } catch (RuntimeException failure) {
                streaming.cancel(failure);
                throw failure;
            }
        });
    }

    /** A stream lives as long as the contract's deadline allows, or the deadline of the call being handled; else unbounded. */
    private static Deadline streamDeadline(OperationDescriptor operation, AttemptContext attempt) {
        if (operation.policy().deadline() != null) {
            return attempt.deadline();
        }
        return CallContext.currentDeadline().orElse(null);
    }

    private static CallOptions options(Map<String, String> headers, Deadline deadline) {
        CallOptions options = CallOptions.DEFAULT.withOption(CallHeaders.KEY, headers);
        return deadline == null ? options : options.withDeadlineAfter(deadline.remaining().toNanos(), TimeUnit.NANOSECONDS);
    }
}
