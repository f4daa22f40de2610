package dev.switchboard.rest.server;

import dev.switchboard.runtime.ErrorCode;
import dev.switchboard.runtime.SwitchboardException;
import dev.switchboard.runtime.call.CallContext;
import dev.switchboard.runtime.call.Deadline;
import dev.switchboard.runtime.idempotency.IdempotencyStore;
import dev.switchboard.runtime.observation.CallObservations;
import dev.switchboard.runtime.policy.OperationDescriptor;
import dev.switchboard.runtime.policy.PolicyEngine;
import dev.switchboard.runtime.policy.ServerPolicy;
import dev.switchboard.runtime.stream.StreamSink;
import dev.switchboard.runtime.validation.ConstraintCheck;
import dev.switchboard.runtime.validation.ConstraintViolation;
import dev.switchboard.runtime.validation.Validatable;
import dev.switchboard.runtime.validation.ValidationException;
import dev.switchboard.rest.RestDecoder;
import dev.switchboard.rest.RestServer;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs one REST call the same way for every generated route: observation and trace, incoming
 * deadline, admission (concurrency and rate limit), idempotency key, input reading and
 * validation, the user's handler inside its call context, JSON or problem+json out, one access
 * log line.
 */
public final class DefaultRestServer implements RestServer {

    public static final String TIMEOUT_HEADER = "X-Switchboard-Timeout-Ms";

    private static final Logger log = LoggerFactory.getLogger(DefaultRestServer.class);

    private final PolicyEngine policies;
    private final ObservationRegistry observations;
    private final JsonMapper json;
    private final IdempotentResponses idempotency;
    private final TraceIds traceIds;
    private final AccessLog accessLog = new AccessLog();

    public DefaultRestServer(PolicyEngine policies, ObservationRegistry observations, JsonMapper json,
            IdempotencyStore idempotencyStore, TraceIds traceIds) {
        this.policies = policies;
        this.observations = observations;
        this.json = json;
        this.idempotency = new IdempotentResponses(idempotencyStore, json);
        this.traceIds = traceIds;
    }

    @Override
    public <I, O> ServerResponse unary(
            OperationDescriptor operation, ServerRequest request, RestDecoder<I> decoder, Function<I, O> handler) {
        long started = System.nanoTime();
        Observation observation = CallObservations.server(observations, operation, "rest", header(request));
        SwitchboardException failure = null;
        ServerResponse response;
        String traceId;
        try (Observation.Scope scope = observation.openScope()) {
            traceId = traceIds.current();
            try {
                response = admitted(operation, request, decoder, handler);
            } catch (SwitchboardException rejected) {
                failure = rejected;
                response = problem(rejected, request, traceId);
            } catch (RuntimeException bug) {
                failure = internal(operation, bug);
                response = problem(failure, request, traceId);
            }
        }
        if (failure == null && response.statusCode().isError()) {
            failure = IdempotentResponses.replayedFailure(response);
        }
        CallObservations.stop(observation, failure);
        accessLog.record(operation, request, response.statusCode().value(), failure, started, traceId);
        return response;
    }

    private <I, O> ServerResponse admitted(
            OperationDescriptor operation, ServerRequest request, RestDecoder<I> decoder, Function<I, O> handler) {
        Deadline deadline = deadline(request);
        ServerPolicy server = policies.server(operation);
        try (ServerPolicy.Permit permit = server.admit()) {
            byte[] body = body(request);
            return idempotency.run(operation, request, body, () -> {
                I input = decode(request, body, decoder);
                requireTime(operation, deadline);
                O output;
                try (CallContext.Scope scope = CallContext.enter(operation, deadline)) {
                    output = handler.apply(input);
                }
                return json.writeValueAsBytes(output);
            }, failure -> Problem.of(failure, request.path(), traceIds.current()));
        }
    }

    @Override
    public <I, O> ServerResponse serverStream(
            OperationDescriptor operation, ServerRequest request, RestDecoder<I> decoder,
            BiConsumer<I, StreamSink<O>> handler) {
        long started = System.nanoTime();
        Observation observation = CallObservations.server(observations, operation, "rest", header(request));
        String traceId;
        I input;
        Deadline deadline;
        ServerPolicy.Permit permit;
        try (Observation.Scope scope = observation.openScope()) {
            traceId = traceIds.current();
            try {
                deadline = deadline(request);
                permit = policies.server(operation).admit();
                try {
                    input = decode(request, body(request), decoder);
                    requireTime(operation, deadline);
                } catch (RuntimeException e) {
                    permit.close();
                    throw e;
                }
            } catch (RuntimeException rejected) {
                SwitchboardException failure = rejected instanceof SwitchboardException known
                        ? known : internal(operation, rejected);
                ServerResponse response = problem(failure, request, traceId);
                CallObservations.stop(observation, failure);
                accessLog.record(operation, request, response.statusCode().value(), failure, started, traceId);
                return response;
            }
        }
        return ServerResponse.sse(sse -> {
            SseSink<O> sink = new SseSink<>(sse, json);
            SwitchboardException failure = null;
            try (Observation.Scope scope = observation.openScope();
                    CallContext.Scope call = CallContext.enter(operation, deadline)) {
                handler.accept(input, sink);
            } catch (SwitchboardException e) {
                failure = e;
            } catch (RuntimeException bug) {
                failure = internal(operation, bug);
            } finally {
                permit.close();
            }
            if (failure != null && !sink.isCancelled()) {
                sink.error(Problem.of(failure, request.path(), traceId).toJson(json));
            } else if (!sink.isCancelled()) {
                sse.complete();
            }
            SwitchboardException outcome = failure == null && sink.isCancelled() ? sink.cancellation() : failure;
            CallObservations.stop(observation, outcome);
            accessLog.record(operation, request, 200, outcome, started, traceId);
        });
    }

    private <I> I decode(ServerRequest request, byte[] body, RestDecoder<I> decoder) {
        DefaultRestCall call = new DefaultRestCall(request.pathVariables(), request.params(), body, json);
        I input = decoder.decode(call);
        call.requireReadable();
        if (input instanceof Validatable validatable) {
            List<ConstraintViolation> violations = ConstraintCheck.violationsOf(validatable);
            if (!violations.isEmpty()) {
                throw new ValidationException(violations);
            }
        }
        return input;
    }

    private static Deadline deadline(ServerRequest request) {
        String header = request.headers().firstHeader(TIMEOUT_HEADER);
        if (header == null) {
            return null;
        }
        try {
            long millis = Long.parseLong(header.strip());
            if (millis < 0) {
                throw new NumberFormatException(header);
            }
            return Deadline.after(Duration.ofMillis(millis));
        } catch (NumberFormatException invalid) {
            throw new ValidationException(List.of(new ConstraintViolation(TIMEOUT_HEADER,
                    "must be whole milliseconds, got \"" + header + "\"")));
        }
    }

    private static void requireTime(OperationDescriptor operation, Deadline deadline) {
        if (deadline != null && deadline.isExpired()) {
            throw new SwitchboardException(ErrorCode.DEADLINE_EXCEEDED, ErrorCode.DEADLINE_EXCEEDED.name(),
                    "the caller's deadline passed before " + operation.fullName() + " started", Map.of());
        }
    }

    private static byte[] body(ServerRequest request) {
        try {
            return request.servletRequest().getInputStream().readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the request body", e);
        }
    }

    private ServerResponse problem(SwitchboardException failure, ServerRequest request, String traceId) {
        return Problem.of(failure, request.path(), traceId).toResponse(json);
    }

    private static SwitchboardException internal(OperationDescriptor operation, RuntimeException bug) {
        log.error("{} failed unexpectedly", operation.fullName(), bug);
        return new SwitchboardException(ErrorCode.INTERNAL, ErrorCode.INTERNAL.name(),
                "internal error in " + operation.fullName(), Map.of(), bug);
    }

    private static Function<String, String> header(ServerRequest request) {
        return name -> request.headers().firstHeader(name);
    }
}
