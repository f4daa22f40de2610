package dev.switchboard.grpc.server;

import dev.switchboard.runtime.SwitchboardException;
import dev.switchboard.runtime.observation.ServerObservations;
import dev.switchboard.runtime.pipeline.ServerPipeline;
import dev.switchboard.runtime.pipeline.ServerStream;
import dev.switchboard.runtime.pipeline.StreamExchange;
import dev.switchboard.runtime.pipeline.UnaryExchange;
import dev.switchboard.runtime.policy.OperationDescriptor;
import dev.switchboard.runtime.resilience.PolicyEngine;
import dev.switchboard.runtime.security.CallerSource;
import dev.switchboard.runtime.stream.StreamSink;
import dev.switchboard.runtime.stream.StreamSource;
import io.grpc.Context;
import io.grpc.Contexts;
import io.grpc.Metadata;
import io.grpc.ServerCallHandler;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.ServerCalls;
import io.grpc.stub.StreamObserver;
import java.util.concurrent.Executor;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The gRPC shapes of the {@link ServerPipeline}: each generated method's handler becomes a grpc-java
 * {@link ServerCalls} handler whose call is one small {@link GrpcIncomingCall}. Client streams are
 * served as bidirectional ones that answer once. Streaming handlers block on their streams, so they
 * run on a thread of their own and leave gRPC's executor free to deliver messages and cancellations.
 */
final class CallHandlers {

    private static final Context.Key<Metadata> HEADERS = Context.key("switchboard-grpc-headers");

    private final ServerPipeline pipeline;
    private final Executor streamHandlers;

    CallHandlers(PolicyEngine policies, ServerObservations observations, CallerSource callers,
            Executor streamHandlers) {
        this.pipeline = new ServerPipeline(policies, observations, "grpc", callers);
        this.streamHandlers = streamHandlers;
    }

    <I, O> ServerCallHandler<Incoming<I>, O> unary(OperationDescriptor operation, Function<I, O> handler) {
        return withHeaders(ServerCalls.asyncUnaryCall((Incoming<I> request, StreamObserver<O> responses) ->
                pipeline.unary(operation, new Unary<>(operation, responses, request), handler)));
    }

    <I, O> ServerCallHandler<Incoming<I>, O> serverStreaming(
            OperationDescriptor operation, BiConsumer<I, StreamSink<O>> handler) {
        return withHeaders(ServerCalls.asyncServerStreamingCall((Incoming<I> request, StreamObserver<O> observer) -> {
            ServerCallStreamObserver<O> responses = (ServerCallStreamObserver<O>) observer;
            ServerSink<O> sink = new ServerSink<>(responses);
            pipeline.stream(operation, new Streaming<I, O, Void>(operation, responses, request::get,
                    input -> handler.accept(input, sink), () -> null, null));
        }));
    }

    <I, O> ServerCallHandler<Incoming<I>, O> bidiStreaming(
            OperationDescriptor operation, BiConsumer<StreamSource<I>, StreamSink<O>> handler) {
        return withHeaders(ServerCalls.asyncBidiStreamingCall((StreamObserver<O> observer) -> {
            ServerCallStreamObserver<O> responses = (ServerCallStreamObserver<O>) observer;
            RequestStream<I> requests = new RequestStream<>(responses);
            ServerSink<O> sink = new ServerSink<>(responses);
            return pipeline.stream(operation, new Streaming<Void, O, StreamObserver<Incoming<I>>>(operation, responses,
                    () -> null, none -> handler.accept(requests, sink), requests::start, requests));
        }));
    }

    /** Keeps the request headers where the call's code can read them, in gRPC's context. */
    private static <I, O> ServerCallHandler<I, O> withHeaders(ServerCallHandler<I, O> next) {
        return (call, headers) -> Contexts.interceptCall(Context.current().withValue(HEADERS, headers), call, headers, next);
    }

    /** A unary call: the request arrived whole; the answer is one message, then OK. */
    private static final class Unary<I, O> extends GrpcIncomingCall<O> implements UnaryExchange<I, O, Void> {
        private final Incoming<I> request;

        Unary(OperationDescriptor operation, StreamObserver<O> responses, Incoming<I> request) {
            super(operation, HEADERS.get(), responses);
            this.request = request;
        }

        @Override
        public I decode() {
            return request.get();
        }

        @Override
        public Void respond(Supplier<O> output) {
            O answer = output.get();
            responses.onNext(answer);
            responses.onCompleted();
            return null;
        }

        @Override
        public Void failed(SwitchboardException failure) {
            fail(failure);
            return null;
        }
    }

    /**
     * A streaming call: its one request (server streams), the handler, run on a thread of its own in
     * the call's gRPC context, and what gRPC gets back from opening it, admitted or refused (a refused
     * request stream is never started, so gRPC delivers no request to it).
     */
    private final class Streaming<I, O, R> extends GrpcIncomingCall<O> implements StreamExchange<I, R> {
        private final Supplier<I> request;
        private final Consumer<I> handler;
        private final Supplier<R> opened;
        private final R refused;

        Streaming(OperationDescriptor operation, StreamObserver<O> responses, Supplier<I> request,
                Consumer<I> handler, Supplier<R> opened, R refused) {
            super(operation, HEADERS.get(), responses);
            this.request = request;
            this.handler = handler;
            this.opened = opened;
            this.refused = refused;
        }

        @Override
        public I decode() {
            return request.get();
        }

        @Override
        public R accepted(ServerStream<I> stream) {
            R answer = opened.get();
            streamHandlers.execute(Context.current().wrap(() -> stream.run(this, handler)));
            return answer;
        }

        @Override
        public R rejected(SwitchboardException failure) {
            fail(failure);
            return refused;
        }
    }
}
