package dev.switchboard.runtime;

import java.util.Map;
import java.util.Objects;

/**
 * Base of every error that crosses a service boundary: a canonical {@link ErrorCode}, the contract
 * error's name (the reason, stable across versions) and string details a caller can act on.
 * Generated exception classes extend it, one per contract error.
 */
public class SwitchboardException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final ErrorCode code;
    private final String errorName;
    private final transient Map<String, String> details;

    public SwitchboardException(ErrorCode code, String errorName, String message, Map<String, String> details) {
        this(code, errorName, message, details, null);
    }

    public SwitchboardException(
            ErrorCode code, String errorName, String message, Map<String, String> details, Throwable cause) {
        super(message, cause);
        this.code = Objects.requireNonNull(code, "code");
        this.errorName = Objects.requireNonNull(errorName, "errorName");
        this.details = Map.copyOf(details);
    }

    public ErrorCode code() {
        return code;
    }

    /** The contract error's name, e.g. {@code OrderNotFound}; for transport-level errors the code's name. */
    public String errorName() {
        return errorName;
    }

    public Map<String, String> details() {
        return details;
    }
}
