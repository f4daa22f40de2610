package dev.switchboard.rest.client;

import dev.switchboard.runtime.ErrorCode;

/** The error code an HTTP status stands for when the body does not say (a proxy's 502, say). */
public final class HttpStatusCodes {

    private HttpStatusCodes() {}

    public static ErrorCode errorCode(int status) {
        return switch (status) {
            case 400, 422 -> ErrorCode.INVALID_ARGUMENT;
            case 401 -> ErrorCode.UNAUTHENTICATED;
            case 403 -> ErrorCode.PERMISSION_DENIED;
            case 404 -> ErrorCode.NOT_FOUND;
            case 409 -> ErrorCode.ABORTED;
            case 429 -> ErrorCode.RESOURCE_EXHAUSTED;
            case 499 -> ErrorCode.CANCELLED;
            case 501 -> ErrorCode.UNIMPLEMENTED;
            case 502, 503 -> ErrorCode.UNAVAILABLE;
            case 504 -> ErrorCode.DEADLINE_EXCEEDED;
            default -> status >= 500 ? ErrorCode.INTERNAL : ErrorCode.UNKNOWN;
        };
    }
}
