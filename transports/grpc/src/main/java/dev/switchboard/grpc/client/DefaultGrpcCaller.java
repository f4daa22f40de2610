package dev.switchboard.grpc.client;

import dev.switchboard.runtime.ErrorDecoder;
import dev.switchboard.runtime.call.CallContext;
import dev.switchboard.runtime.call.Deadline;
import dev.switchboard.runtime.observation.CallObservations;
import dev.switchboard.runtime.policy.AttemptContext;
import dev.switchboard.runtime.policy.ClientFallback;
import dev.switchboard.runtime.policy.OperationDescriptor;
import dev.switchboard.runtime.policy.PolicyEngine;
import dev.switchboard.runtime.stream.BidiCall;
import dev.switchboard.runtime.stream.StreamSource;
import dev.switchboard.grpc.GrpcCaller;
import dev.switchboard.grpc.GrpcStatuses;
import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientCall;
import io.grpc.MethodDescriptor;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.ClientCalls;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Calls one downstream service over a gRPC channel: a client observation whose trace context
 * travels in the metadata, the operation's client policy, and per attempt a gRPC deadline equal
 * to the attempt's time (so the server sees what remains in {@code grpc-timeout}).
 */
final class DefaultGrpcCaller implements GrpcCaller {

    private final Channel channel;
    private final PolicyEngine policies;
    private final ObservationRegistry observations;
    private final ErrorDecoder errors;

    DefaultGrpcCaller(Channel channel, PolicyEngine policies, ObservationRegistry observations, ErrorDecoder errors) {
        this.channel = channel;
        this.policies = policies;
        this.observations = observations;
        this.errors = errors;
    }

    @Override
    public <I, O> O unary(OperationDescriptor operation, MethodDescriptor<I, O> method, I request,
            ClientFallback<O> fallback) {
        Map<String, String> headers = new HashMap<>();
        Observation observation = CallObservations.client(observations, operation, "grpc", headers);
        try (Observation.Scope scope = observation.openScope()) {
            O result = policies.client(operation).execute(false, attempt -> {
                try {
                    return ClientCalls.blockingUnaryCall(channel, method, options(headers, attempt.deadline()), request);
                } catch (StatusRuntimeException failure) {
                    throw GrpcStatuses.toException(failure, errors);
                }
            }, fallback);
            CallObservations.stop(observation, null);
            return result;
        } catch (RuntimeException failure) {
            CallObservations.stop(observation, failure);
            throw failure;
        }
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
        // The whole upload is one attempt: the requests may be a one-shot iterable.
        return open(operation, method, call -> {
            try (call) {
                for (I request : requests) {
                    call.send(request);
                }
                call.complete();
                return call.single();
            }
        });
    }

    @Override
    public <I, O> BidiCall<I, O> bidiStreaming(OperationDescriptor operation, MethodDescriptor<I, O> method) {
        return open(operation, method, call -> call);
    }

    /**
     * Opens a streaming call under the policy: the breaker and deadline guard opening it, and it is
     * never retried (messages may have flowed). The observation ends when the stream does.
     */
    private <I, O, R> R open(OperationDescriptor operation, MethodDescriptor<I, O> method,
            Function<StreamingCall<I, O>, R> use) {
        Map<String, String> headers = new HashMap<>();
        Observation observation = CallObservations.client(observations, operation, "grpc", headers);
        AtomicBoolean stopped = new AtomicBoolean();
        Consumer<Throwable> stop = failure -> {
            if (stopped.compareAndSet(false, true)) {
                CallObservations.stop(observation, failure);
            }
        };
        try (Observation.Scope scope = observation.openScope()) {
            return policies.client(operation).execute(false, attempt -> {
                ClientCall<I, O> call = channel.newCall(method, options(headers, streamDeadline(operation, attempt)));
                StreamingCall<I, O> streaming = new StreamingCall<>(call, errors).start(stop::accept);
                try {
                    return use.apply(streaming);
                } catch (RuntimeException failure) {
                    streaming.cancel(failure);
                    throw failure;
                }
            }, null);
        } catch (RuntimeException failure) {
            stop.accept(failure);
            throw failure;
        }
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
