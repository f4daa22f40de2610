package dev.switchboard.rest.client;

import dev.switchboard.runtime.ErrorCode;
import dev.switchboard.runtime.ErrorDecoder;
import dev.switchboard.runtime.RetryLaterException;
import dev.switchboard.runtime.SwitchboardException;
import dev.switchboard.runtime.validation.ConstraintViolation;
import dev.switchboard.runtime.validation.ValidationException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An error response turned back into the exception the server threw: the contract's exception
 * class for contract errors, {@link ValidationException} with the server's violations, a
 * {@link RetryLaterException} when the server said when to retry, else a plain
 * {@link SwitchboardException} with the code the problem (or, failing that, the status) gives.
 */
final class ProblemDecoder {

    private final JsonMapper json;

    ProblemDecoder(JsonMapper json) {
        this.json = json;
    }

    SwitchboardException decode(int status, HttpHeaders headers, byte[] body, ErrorDecoder errors) {
        ErrorCode code = HttpStatusCodes.errorCode(status);
        String errorName = null;
        String message = "HTTP " + status;
        Map<String, String> details = Map.of();
        List<ConstraintViolation> violations = List.of();
        JsonNode problem = parse(headers, body);
        if (problem != null) {
            code = codeOf(problem.path("code").asString(null), code);
            errorName = problem.path("error").asString(null);
            message = problem.path("detail").asString(message);
            details = details(problem.path("details"));
            violations = violations(problem.path("violations"));
        }
        if (errorName != null) {
            return errors.decode(code, errorName, message, details);
        }
        if (code == ErrorCode.INVALID_ARGUMENT && !violations.isEmpty()) {
            return new ValidationException(violations);
        }
        Duration retryAfter = retryAfter(headers);
        if (retryAfter != null) {
            return new RetryLaterException(code, code.name(), message, details, retryAfter);
        }
        return new SwitchboardException(code, code.name(), message, details);
    }

    private JsonNode parse(HttpHeaders headers, byte[] body) {
        MediaType type = headers.getContentType();
        if (body.length == 0 || type == null
                || !(type.isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON) || type.isCompatibleWith(MediaType.APPLICATION_JSON))) {
            return null;
        }
        try {
            JsonNode node = json.readTree(body);
            return node.isObject() ? node : null;
        } catch (JacksonException notJson) {
            return null;
        }
    }

    private static ErrorCode codeOf(String name, ErrorCode fallback) {
        if (name == null) {
            return fallback;
        }
        try {
            return ErrorCode.valueOf(name);
        } catch (IllegalArgumentException unknown) {
            return fallback;
        }
    }

    private static Map<String, String> details(JsonNode node) {
        if (!node.isObject()) {
            return Map.of();
        }
        Map<String, String> details = new LinkedHashMap<>();
        node.properties().forEach(entry -> details.put(entry.getKey(), entry.getValue().asString("")));
        return details;
    }

    private static List<ConstraintViolation> violations(JsonNode node) {
        List<ConstraintViolation> violations = new ArrayList<>();
        for (JsonNode violation : node) {
            violations.add(new ConstraintViolation(violation.path("field").asString(""),
                    violation.path("message").asString("")));
        }
        return violations;
    }

    /** {@code Retry-After} in seconds; HTTP dates are rare between services and read as absent. */
    private static Duration retryAfter(HttpHeaders headers) {
        String value = headers.getFirst(HttpHeaders.RETRY_AFTER);
        if (value == null) {
            return null;
        }
        try {
            return Duration.ofSeconds(Long.parseLong(value.strip()));
        } catch (NumberFormatException date) {
            return null;
        }
    }
}
