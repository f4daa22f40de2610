package dev.switchboard.rest.server;

import dev.switchboard.runtime.ErrorCode;
import dev.switchboard.runtime.RetryLaterException;
import java.time.Duration;
import java.util.Map;

/** A failure whose HTTP status is not its code's usual one, e.g. 422 for a reused idempotency key. */
final class RestRejection extends RetryLaterException {

    private static final long serialVersionUID = 1L;

    private final int status;

    RestRejection(int status, ErrorCode code, String message, Duration retryAfter) {
        super(code, code.name(), message, Map.of(), retryAfter);
        this.status = status;
    }

    int status() {
        return status;
    }
}
