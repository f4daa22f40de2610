package dev.switchboard.runtime;

/**
 * The canonical error codes: gRPC's status codes other than OK. Each transport maps a code the same
 * way (HTTP status, gRPC status, queue disposition), so an error means the same thing everywhere.
 */
public enum ErrorCode {
    CANCELLED(1, 499),
    UNKNOWN(2, 500),
    INVALID_ARGUMENT(3, 400),
    DEADLINE_EXCEEDED(4, 504),
    NOT_FOUND(5, 404),
    ALREADY_EXISTS(6, 409),
    PERMISSION_DENIED(7, 403),
    RESOURCE_EXHAUSTED(8, 429),
    FAILED_PRECONDITION(9, 400),
    ABORTED(10, 409),
    OUT_OF_RANGE(11, 400),
    UNIMPLEMENTED(12, 501),
    INTERNAL(13, 500),
    UNAVAILABLE(14, 503),
    DATA_LOSS(15, 500),
    UNAUTHENTICATED(16, 401);

    private final int grpcCode;
    private final int httpStatus;

    ErrorCode(int grpcCode, int httpStatus) {
        this.grpcCode = grpcCode;
        this.httpStatus = httpStatus;
    }

    /** The numeric gRPC status code. */
    public int grpcCode() {
        return grpcCode;
    }

    /** The HTTP status this code maps to (the grpc-gateway mapping). */
    public int httpStatus() {
        return httpStatus;
    }

    /**
     * Whether a caller may retry a failure with this code on any operation that is safe to repeat:
     * the callee did not act, or asked to be called again later.
     */
    public boolean isRetryable() {
        return this == UNAVAILABLE || this == RESOURCE_EXHAUSTED || this == ABORTED;
    }

    /**
     * Whether a retry is allowed for this code given the operation's idempotency: a timed-out call
     * may have taken effect, so DEADLINE_EXCEEDED is retried only when repeating it is harmless.
     */
    public boolean isRetryable(boolean idempotent) {
        return isRetryable() || (idempotent && this == DEADLINE_EXCEEDED);
    }

    /** The code with that gRPC number; UNKNOWN for numbers outside the table. */
    public static ErrorCode ofGrpcCode(int grpcCode) {
        for (ErrorCode code : values()) {
            if (code.grpcCode == grpcCode) {
                return code;
            }
        }
        return UNKNOWN;
    }
}
