package dev.switchboard.runtime;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * A failure that says when trying again makes sense: a rate limit or full bulkhead on the server
 * ({@code Retry-After}, {@code grpc-retry-pushback-ms}), or the same received by a client. The
 * policy engine waits at least that long before its next attempt.
 */
public class RetryLaterException extends SwitchboardException {

    private static final long serialVersionUID = 1L;

    private final Duration retryAfter;

    public RetryLaterException(ErrorCode code, String message, Duration retryAfter) {
        this(code, code.name(), message, Map.of(), retryAfter);
    }

    public RetryLaterException(
            ErrorCode code, String errorName, String message, Map<String, String> details, Duration retryAfter) {
        super(code, errorName, message, details);
        this.retryAfter = retryAfter;
    }

    /** How long to wait before trying again, when the server said. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
