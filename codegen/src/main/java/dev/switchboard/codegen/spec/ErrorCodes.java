package dev.switchboard.codegen.spec;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The canonical error codes and the HTTP status each maps to. The runtime's {@code ErrorCode} holds
 * the same table; codegen does not depend on the runtime, so a test keeps the two equal.
 */
final class ErrorCodes {

    private static final Map<String, Integer> HTTP_STATUS = new LinkedHashMap<>();

    static {
        HTTP_STATUS.put("CANCELLED", 499);
        HTTP_STATUS.put("UNKNOWN", 500);
        HTTP_STATUS.put("INVALID_ARGUMENT", 400);
        HTTP_STATUS.put("DEADLINE_EXCEEDED", 504);
        HTTP_STATUS.put("NOT_FOUND", 404);
        HTTP_STATUS.put("ALREADY_EXISTS", 409);
        HTTP_STATUS.put("PERMISSION_DENIED", 403);
        HTTP_STATUS.put("RESOURCE_EXHAUSTED", 429);
        HTTP_STATUS.put("FAILED_PRECONDITION", 400);
        HTTP_STATUS.put("ABORTED", 409);
        HTTP_STATUS.put("OUT_OF_RANGE", 400);
        HTTP_STATUS.put("UNIMPLEMENTED", 501);
        HTTP_STATUS.put("INTERNAL", 500);
        HTTP_STATUS.put("UNAVAILABLE", 503);
        HTTP_STATUS.put("DATA_LOSS", 500);
        HTTP_STATUS.put("UNAUTHENTICATED", 401);
    }

    private ErrorCodes() {}

    /** Code names in gRPC number order. */
    static List<String> names() {
        return List.copyOf(HTTP_STATUS.keySet());
    }

    static int httpStatus(String code) {
        Integer status = HTTP_STATUS.get(code);
        if (status == null) {
            throw new IllegalArgumentException("unknown error code " + code + "; expected one of " + names());
        }
        return status;
    }
}
