package dev.switchboard.rest;

import dev.switchboard.runtime.policy.OperationDescriptor;
import dev.switchboard.runtime.stream.StreamSink;
import java.util.function.BiConsumer;
import java.util.function.Function;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * What every generated REST controller delegates to: reads and validates the input, applies the
 * server policy (incoming deadline, concurrency limit, rate limit), idempotency keys, observation
 * and the access log, calls the user's handler and writes JSON, server-sent events or
 * problem+json.
 */
public interface RestServer {

    /** A request/response operation. */
    <I, O> ServerResponse unary(
            OperationDescriptor operation, ServerRequest request, RestDecoder<I> decoder, Function<I, O> handler);

    /** A server-streaming operation, answered as server-sent events, one JSON output per event. */
    <I, O> ServerResponse serverStream(
            OperationDescriptor operation, ServerRequest request, RestDecoder<I> decoder,
            BiConsumer<I, StreamSink<O>> handler);
}
