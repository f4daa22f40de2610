package dev.switchboard.grpc.server;

import dev.switchboard.runtime.ErrorCode;
import dev.switchboard.runtime.SwitchboardException;
import dev.switchboard.runtime.call.CallContext;
import dev.switchboard.runtime.call.Deadline;
import dev.switchboard.runtime.observation.CallObservations;
import dev.switchboard.runtime.policy.OperationDescriptor;
import dev.switchboard.runtime.policy.PolicyEngine;
import dev.switchboard.runtime.policy.ServerPolicy;
import dev.switchboard.runtime.stream.StreamSink;
import dev.switchboard.runtime.stream.StreamSource;
import dev.switchboard.runtime.validation.ConstraintCheck;
import dev.switchboard.runtime.validation.Validatable;
import dev.switchboard.grpc.GrpcStatuses;
import dev.switchboard.grpc.MessageQueue;
import io.grpc.Context;
import io.grpc.Contexts;
import io.grpc.Metadata;
import io.grpc.ServerCallHandler;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.ServerCalls;
import io.grpc.stub.StreamObserver;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import java.time.Duration;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one gRPC call the same way for every generated method: a server observation continuing
 * the caller's trace, the incoming deadline, admission (concurrency and rate limit), request
 * decoding and validation, the handler inside its call context, and failures as statuses.
 */
final class CallHandlers {

    private static final Logger log = LoggerFactory.getLogger(CallHandlers.class);
    private static final Context.Key<Metadata> HEADERS = Context.key("switchboard-grpc-headers");
    private static final Map<String, Metadata.Key<String>> KEYS = new ConcurrentHashMap<>();

    private final PolicyEngine policies;
    private final ObservationRegistry observations;
    private final Executor streamHandlers;

    CallHandlers(PolicyEngine policies, ObservationRegistry observations, Executor streamHandlers) {
        this.policies = policies;
        this.observations = observations;
        this.streamHandlers = streamHandlers;
    }

    <I, O> ServerCallHandler<Incoming<I>, O> unary(OperationDescriptor operation, Function<I, O> handler) {
        return withHeaders(ServerCalls.asyncUnaryCall((Incoming<I> request, StreamObserver<O> responses) -> {
            Observation observation = observe(operation);
            SwitchboardException failure = null;
            try (Observation.Scope scope = observation.openScope()) {
                Deadline deadline = deadline();
                try (ServerPolicy.Permit permit = policies.server(operation).admit()) {
                    I input = validated(request.get());
                    requireTime(operation, deadline);
                    O output;
                    try (CallContext.Scope call = CallContext.enter(operation, deadline)) {
                        output = handler.apply(input);
                    }
                    responses.onNext(output);
                    responses.onCompleted();
                }
            } catch (SwitchboardException e) {
                failure = e;
            } catch (RuntimeException bug) {
                failure = internal(operation, bug);
            }
            finish(operation, observation, responses, failure);
        }));
    }

    <I, O> ServerCallHandler<Incoming<I>, O> serverStreaming(
            OperationDescriptor operation, BiConsumer<I, StreamSink<O>> handler) {
        return withHeaders(ServerCalls.asyncServerStreamingCall((Incoming<I> request, StreamObserver<O> observer) -> {
            ServerCallStreamObserver<O> responses = (ServerCallStreamObserver<O>) observer;
            ServerSink<O> sink = new ServerSink<>(responses);
            Observation observation = observe(operation);
            Deadline deadline;
            ServerPolicy.Permit permit;
            I input;
            try (Observation.Scope scope = observation.openScope()) {
                deadline = deadline();
                permit = policies.server(operation).admit();
                try {
                    input = validated(request.get());
                    requireTime(operation, deadline);
                } catch (RuntimeException e) {
                    permit.close();
                    throw e;
                }
            } catch (RuntimeException rejected) {
                finish(operation, observation, responses, known(operation, rejected));
                return;
            }
            streamHandlers.execute(Context.current().wrap(() -> run(operation, observation, deadline, permit, responses,
                    () -> handler.accept(input, sink))));
        }));
    }

    <I, O> ServerCallHandler<Incoming<I>, O> bidiStreaming(
            OperationDescriptor operation, BiConsumer<StreamSource<I>, StreamSink<O>> handler) {
        return withHeaders(ServerCalls.asyncBidiStreamingCall((StreamObserver<O> observer) -> {
            ServerCallStreamObserver<O> responses = (ServerCallStreamObserver<O>) observer;
            responses.disableAutoRequest();
            ServerSink<O> sink = new ServerSink<>(responses);
            MessageQueue<Incoming<I>> incoming = new MessageQueue<>(responses::request, () -> {});
            Observation observation = observe(operation);
            Deadline deadline;
            ServerPolicy.Permit permit;
            try (Observation.Scope scope = observation.openScope()) {
                deadline = deadline();
                permit = policies.server(operation).admit();
            } catch (RuntimeException rejected) {
                finish(operation, observation, responses, known(operation, rejected));
                return new Ignored<>();
            }
            incoming.start();
            StreamSource<I> requests = new ValidatedSource<>(incoming);
            streamHandlers.execute(Context.current().wrap(() -> run(operation, observation, deadline, permit, responses,
                    () -> handler.accept(requests, sink))));
            return feeding(incoming);
        }));
    }

    /** gRPC's side of a request stream: each message, the end or a cancellation goes into the handler's queue. */
    private static <I> StreamObserver<Incoming<I>> feeding(MessageQueue<Incoming<I>> incoming) {
        return new StreamObserver<>() {
            @Override
            public void onNext(Incoming<I> request) {
                incoming.offer(request);
            }

            @Override
            public void onError(Throwable cancelled) {
                incoming.fail(new SwitchboardException(ErrorCode.CANCELLED, ErrorCode.CANCELLED.name(),
                        "the client cancelled the call or went away", Map.of(), cancelled));
            }

            @Override
            public void onCompleted() {
                incoming.complete();
            }
        };
    }

    /** The body of a streaming call, on its own thread: the handler, then completion or the failure as a status. */
    private <O> void run(OperationDescriptor operation, Observation observation, Deadline deadline,
            ServerPolicy.Permit permit, ServerCallStreamObserver<O> responses, Runnable handler) {
        SwitchboardException failure = null;
        try (Observation.Scope scope = observation.openScope();
                CallContext.Scope call = CallContext.enter(operation, deadline)) {
            handler.run();
            if (!responses.isCancelled()) {
                responses.onCompleted();
            }
        } catch (SwitchboardException e) {
            failure = e;
        } catch (RuntimeException bug) {
            failure = responses.isCancelled() ? cancelled(operation) : internal(operation, bug);
        } finally {
            permit.close();
        }
        if (failure == null && responses.isCancelled()) {
            failure = cancelled(operation);
        }
        finish(operation, observation, responses, failure);
    }

    private <O> void finish(OperationDescriptor operation, Observation observation, StreamObserver<O> responses,
            SwitchboardException failure) {
        if (failure != null && !(responses instanceof ServerCallStreamObserver<O> call && call.isCancelled())) {
            responses.onError(GrpcStatuses.toStatus(failure, operation.service()));
        }
        CallObservations.stop(observation, failure);
    }

    private Observation observe(OperationDescriptor operation) {
        Metadata headers = HEADERS.get();
        return CallObservations.server(observations, operation, "grpc", name -> headers == null ? null
                : headers.get(KEYS.computeIfAbsent(name, key -> Metadata.Key.of(key, Metadata.ASCII_STRING_MARSHALLER))));
    }

    /** The caller's deadline as gRPC carried it (the {@code grpc-timeout} header). */
    private static Deadline deadline() {
        io.grpc.Deadline incoming = Context.current().getDeadline();
        return incoming == null ? null : Deadline.after(Duration.ofNanos(incoming.timeRemaining(TimeUnit.NANOSECONDS)));
    }

    static <I> I validated(I input) {
        if (input instanceof Validatable validatable) {
            ConstraintCheck.requireValid(validatable);
        }
        return input;
    }

    private static void requireTime(OperationDescriptor operation, Deadline deadline) {
        if (deadline != null && deadline.isExpired()) {
            throw new SwitchboardException(ErrorCode.DEADLINE_EXCEEDED, ErrorCode.DEADLINE_EXCEEDED.name(),
                    "the caller's deadline passed before " + operation.fullName() + " started", Map.of());
        }
    }

    private static SwitchboardException known(OperationDescriptor operation, RuntimeException failure) {
        return failure instanceof SwitchboardException known ? known : internal(operation, failure);
    }

    private static SwitchboardException cancelled(OperationDescriptor operation) {
        return new SwitchboardException(ErrorCode.CANCELLED, ErrorCode.CANCELLED.name(),
                "the client cancelled " + operation.fullName(), Map.of());
    }

    private static SwitchboardException internal(OperationDescriptor operation, RuntimeException bug) {
        log.error("{} failed unexpectedly", operation.fullName(), bug);
        return new SwitchboardException(ErrorCode.INTERNAL, ErrorCode.INTERNAL.name(),
                "internal error in " + operation.fullName(), Map.of(), bug);
    }

    /** Keeps the request headers where the call's code can read them, in gRPC's context. */
    private static <I, O> ServerCallHandler<I, O> withHeaders(ServerCallHandler<I, O> next) {
        return (call, headers) -> Contexts.interceptCall(Context.current().withValue(HEADERS, headers), call, headers, next);
    }

    /** The requests of a call rejected before its handler ran. */
    private static final class Ignored<T> implements StreamObserver<T> {
        @Override
        public void onNext(T value) {}

        @Override
        public void onError(Throwable t) {}

        @Override
        public void onCompleted() {}
    }

    /** Requests as a handler reads them: decoded, validated, malformed ones failing the read with INVALID_ARGUMENT. */
    private record ValidatedSource<I>(MessageQueue<Incoming<I>> incoming) implements StreamSource<I> {
        @Override
        public Iterator<I> iterator() {
            Iterator<Incoming<I>> raw = incoming.iterator();
            return new Iterator<>() {
                @Override
                public boolean hasNext() {
                    return raw.hasNext();
                }

                @Override
                public I next() {
                    return validated(raw.next().get());
                }
            };
        }

        @Override
        public void close() {
            incoming.close();
        }
    }
}
