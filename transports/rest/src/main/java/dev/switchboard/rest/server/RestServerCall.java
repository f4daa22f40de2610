package dev.switchboard.rest.server;

import dev.switchboard.rest.RestDecoder;
import dev.switchboard.runtime.SwitchboardException;
import dev.switchboard.runtime.call.Deadline;
import dev.switchboard.runtime.pipeline.IncomingCall;
import dev.switchboard.runtime.policy.OperationDescriptor;
import dev.switchboard.runtime.validation.ConstraintViolation;
import dev.switchboard.runtime.validation.ValidationException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;
import tools.jackson.databind.json.JsonMapper;

/**
 * What only REST knows about a call the server pipeline runs: its headers, the caller's deadline in
 * {@value DefaultRestServer#TIMEOUT_HEADER}, the body and how the generated decoder reads it,
 * problem+json for failures, and one access log line once the call ended. One per request.
 */
abstract class RestServerCall<I> implements IncomingCall {

    /** What every call of one server shares. */
    record Shared(JsonMapper json, TraceIds traceIds, AccessLog accessLog, IdempotentResponses idempotency) {}

    protected final OperationDescriptor operation;
    protected final ServerRequest request;
    protected final Shared shared;
    private final RestDecoder<I> decoder;
    private final long startedNanos = System.nanoTime();
    private String traceId;
    private int status = 200;
    private byte[] body;

    RestServerCall(OperationDescriptor operation, ServerRequest request, RestDecoder<I> decoder, Shared shared) {
        this.operation = operation;
        this.request = request;
        this.decoder = decoder;
        this.shared = shared;
    }

    @Override
    public String header(String name) {
        return request.headers().firstHeader(name);
    }

    @Override
    public Deadline deadline() {
        String header = request.headers().firstHeader(DefaultRestServer.TIMEOUT_HEADER);
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
            throw new ValidationException(List.of(new ConstraintViolation(DefaultRestServer.TIMEOUT_HEADER,
                    "must be whole milliseconds, got \"" + header + "\"")));
        }
    }

    @Override
    public void observed() {
        traceId = shared.traceIds().current();
    }

    /** Reads the path variables, query and body with the generated decoder; every unreadable value is reported at once. */
    public I decode() {
        DefaultRestCall call = new DefaultRestCall(request.pathVariables(), request::params, this::body, shared.json());
        I input = decoder.decode(call);
        call.requireReadable();
        return input;
    }

    @Override
    public void finished(SwitchboardException outcome) {
        shared.accessLog().record(operation, request, status, outcome, startedNanos, traceId);
    }

    /** The request body, read once. */
    protected byte[] body() {
        if (body == null) {
            try {
                body = request.servletRequest().getInputStream().readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException("could not read the request body", e);
            }
        }
        return body;
    }

    protected Problem problem(SwitchboardException failure) {
        return Problem.of(failure, request.path(), traceId);
    }

    /** The problem+json answer to {@code failure}. */
    protected ServerResponse problemResponse(SwitchboardException failure) {
        return answered(problem(failure).toResponse(shared.json()));
    }

    /** Keeps the status of what the call answers, for the access log. */
    protected ServerResponse answered(ServerResponse response) {
        status = response.statusCode().value();
        return response;
    }
}
