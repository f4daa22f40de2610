package dev.switchboard.rest.server;

import dev.switchboard.rest.RestDecoder;
import dev.switchboard.rest.RestServer;
import dev.switchboard.runtime.SwitchboardException;
import dev.switchboard.runtime.idempotency.IdempotencyStore;
import dev.switchboard.runtime.observation.ServerObservations;
import dev.switchboard.runtime.pipeline.ServerPipeline;
import dev.switchboard.runtime.pipeline.ServerStream;
import dev.switchboard.runtime.pipeline.StreamExchange;
import dev.switchboard.runtime.pipeline.UnaryExchange;
import dev.switchboard.runtime.policy.OperationDescriptor;
import dev.switchboard.runtime.resilience.PolicyEngine;
import dev.switchboard.runtime.security.CallerSource;
import dev.switchboard.runtime.stream.StreamSink;
import io.micrometer.observation.ObservationRegistry;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.Supplier;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;
import tools.jackson.databind.json.JsonMapper;

/**
 * Serves every generated REST route through the {@link ServerPipeline} (observation, deadline,
 * admission, validation, the handler in its call context, failure mapping). What is REST's own is
 * here: the idempotency key's replay between admission and the handler, JSON and server-sent events
 * out, problem+json for failures, one access log line per call.
 */
public final class DefaultRestServer implements RestServer {

    public static final String TIMEOUT_HEADER = "X-Switchboard-Timeout-Ms";

    private final ServerPipeline pipeline;
    private final RestServerCall.Shared shared;

    /** A server without authentication: operations that are not public refuse every call. */
    public DefaultRestServer(PolicyEngine policies, ObservationRegistry observations, JsonMapper json,
            IdempotencyStore idempotencyStore, TraceIds traceIds) {
        this(policies, observations, json, idempotencyStore, traceIds, CallerSource.ANONYMOUS);
    }

    /** @param callers who is calling, as the application's security (Spring Security's filter chain) found */
    public DefaultRestServer(PolicyEngine policies, ObservationRegistry observations, JsonMapper json,
            IdempotencyStore idempotencyStore, TraceIds traceIds, CallerSource callers) {
        this(policies, new ServerObservations(observations), json, idempotencyStore, traceIds, callers);
    }

    /** @param observations how calls are observed: nested in Spring MVC's own observation when it has one */
    public DefaultRestServer(PolicyEngine policies, ServerObservations observations, JsonMapper json,
            IdempotencyStore idempotencyStore, TraceIds traceIds, CallerSource callers) {
        this.pipeline = new ServerPipeline(policies, observations, "rest", callers);
        this.shared = new RestServerCall.Shared(json, traceIds, new AccessLog(),
                new IdempotentResponses(idempotencyStore, json));
    }

    @Override
    public <I, O> ServerResponse unary(
            OperationDescriptor operation, ServerRequest request, RestDecoder<I> decoder, Function<I, O> handler) {
        return pipeline.unary(operation, new Unary<I, O>(operation, request, decoder, shared), handler);
    }

    @Override
    public <I, O> ServerResponse serverStream(
            OperationDescriptor operation, ServerRequest request, RestDecoder<I> decoder,
            BiConsumer<I, StreamSink<O>> handler) {
        return pipeline.stream(operation, new EventStream<>(operation, request, decoder, shared, handler));
    }

    /** A request/response route: JSON out, kept under the request's idempotency key when it has one. */
    private static final class Unary<I, O> extends RestServerCall<I> implements UnaryExchange<I, O, ServerResponse> {

        Unary(OperationDescriptor operation, ServerRequest request, RestDecoder<I> decoder, Shared shared) {
            super(operation, request, decoder, shared);
        }

        @Override
        public ServerResponse respond(Supplier<O> output) {
            return answered(shared.idempotency().run(operation, request, this::body,
                    () -> shared.json().writeValueAsBytes(output.get()), this::problem));
        }

        @Override
        public ServerResponse failed(SwitchboardException failure) {
            return problemResponse(failure);
        }

        @Override
        public SwitchboardException failureOf(ServerResponse answer) {
            return answer.statusCode().isError() ? IdempotentResponses.replayedFailure(answer) : null;
        }
    }

    /** A server-streaming route: server-sent events, one JSON output each, an {@code error} event for a failure. */
    private static final class EventStream<I, O> extends RestServerCall<I> implements StreamExchange<I, ServerResponse> {
        private final BiConsumer<I, StreamSink<O>> handler;

        EventStream(OperationDescriptor operation, ServerRequest request, RestDecoder<I> decoder, Shared shared,
                BiConsumer<I, StreamSink<O>> handler) {
            super(operation, request, decoder, shared);
            this.handler = handler;
        }

        @Override
        public ServerResponse accepted(ServerStream<I> stream) {
            return ServerResponse.sse(sse -> {
                SseSink<O> sink = new SseSink<>(sse, shared.json(), failure -> problem(failure).toJson(shared.json()));
                stream.run(sink, input -> handler.accept(input, sink));
            });
        }

        @Override
        public ServerResponse rejected(SwitchboardException failure) {
            return problemResponse(failure);
        }
    }
}
