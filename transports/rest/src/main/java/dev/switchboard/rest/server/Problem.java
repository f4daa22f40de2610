package dev.switchboard.rest.server;

import dev.switchboard.runtime.ErrorCode;
import dev.switchboard.runtime.RetryLaterException;
import dev.switchboard.runtime.SwitchboardException;
import dev.switchboard.runtime.validation.ValidationException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.function.ServerResponse;
import tools.jackson.databind.json.JsonMapper;

/**
 * An RFC 9457 problem as Switchboard sends it on every REST failure: the standard members plus
 * {@code code}, {@code error} (contract errors only), {@code details}, {@code traceId} and
 * {@code violations}, so a client maps it back to the same exception.
 */
public record Problem(int status, SwitchboardException failure, String instance, String traceId) {

    public static final MediaType PROBLEM_JSON = MediaType.APPLICATION_PROBLEM_JSON;

    public static Problem of(SwitchboardException failure, String instance, String traceId) {
        int status = failure instanceof RestRejection rejection ? rejection.status() : failure.code().httpStatus();
        return new Problem(status, failure, instance, traceId);
    }

    /**
     * A request the web server itself refused before any route saw it (an encoded slash in the path, a URL over
     * the header limit), so that it too is answered as problem+json with a code a client understands.
     */
    public static Problem ofContainerRejection(int status, String message, String instance) {
        ErrorCode code = switch (status) {
            case 404 -> ErrorCode.NOT_FOUND;
            case 405, 501, 505 -> ErrorCode.UNIMPLEMENTED;
            case 408 -> ErrorCode.DEADLINE_EXCEEDED;
            case 429 -> ErrorCode.RESOURCE_EXHAUSTED;
            case 503 -> ErrorCode.UNAVAILABLE;
            default -> status < 500 ? ErrorCode.INVALID_ARGUMENT : ErrorCode.INTERNAL;
        };
        return new Problem(status, new RestRejection(status, code, message, null), instance, null);
    }

    public Map<String, Object> body() {
        Map<String, Object> body = new LinkedHashMap<>();
        ErrorCode code = failure.code();
        boolean contractError = !failure.errorName().equals(code.name());
        body.put("type", "urn:switchboard:error:" + failure.errorName());
        body.put("title", failure.errorName());
        body.put("status", status);
        body.put("detail", failure.getMessage());
        if (instance != null) {
            body.put("instance", instance);
        }
        body.put("code", code.name());
        if (contractError) {
            body.put("error", failure.errorName());
        }
        if (!failure.details().isEmpty()) {
            body.put("details", failure.details());
        }
        if (traceId != null) {
            body.put("traceId", traceId);
        }
        if (failure instanceof ValidationException invalid) {
            body.put("violations", invalid.violations());
        }
        return body;
    }

    /** {@code Retry-After} in whole seconds, rounded up, when the failure says when to retry. */
    public Optional<String> retryAfter() {
        if (failure instanceof RetryLaterException later && later.retryAfter().isPresent()) {
            Duration wait = later.retryAfter().get();
            long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
            return Optional.of(Long.toString(seconds));
        }
        return Optional.empty();
    }

    public byte[] toJson(JsonMapper json) {
        return json.writeValueAsBytes(body());
    }

    public ServerResponse toResponse(JsonMapper json) {
        ServerResponse.BodyBuilder response = ServerResponse.status(status).contentType(PROBLEM_JSON);
        retryAfter().ifPresent(seconds -> response.header(HttpHeaders.RETRY_AFTER, seconds));
        if (status == 401) {
            // RFC 9110: a 401 names how to authenticate; callers of a secured operation send a bearer token.
            response.header(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        }
        return response.body(toJson(json));
    }
}
