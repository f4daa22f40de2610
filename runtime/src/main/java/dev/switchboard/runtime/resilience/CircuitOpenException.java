package dev.switchboard.runtime.resilience;

import dev.switchboard.runtime.ErrorCode;
import dev.switchboard.runtime.SwitchboardException;
import java.util.Map;

/**
 * A call refused without an attempt because the downstream's circuit is open: {@code UNAVAILABLE} like any outage,
 * its own type so the pipeline can count refusals apart from failures.
 */
public final class CircuitOpenException extends SwitchboardException {

    private static final long serialVersionUID = 1L;

    public CircuitOpenException(String operation) {
        super(ErrorCode.UNAVAILABLE, ErrorCode.UNAVAILABLE.name(), "circuit open for " + operation, Map.of());
    }
}
