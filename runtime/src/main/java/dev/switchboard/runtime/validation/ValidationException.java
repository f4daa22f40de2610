package dev.switchboard.runtime.validation;

import dev.switchboard.runtime.ErrorCode;
import dev.switchboard.runtime.SwitchboardException;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** A request or message broke contract constraints: INVALID_ARGUMENT with every violation. */
public final class ValidationException extends SwitchboardException {

    private static final long serialVersionUID = 1L;

    private final transient List<ConstraintViolation> violations;

    public ValidationException(List<ConstraintViolation> violations) {
        super(ErrorCode.INVALID_ARGUMENT, ErrorCode.INVALID_ARGUMENT.name(), render(violations), Map.of());
        this.violations = List.copyOf(violations);
    }

    public List<ConstraintViolation> violations() {
        return violations;
    }

    private static String render(List<ConstraintViolation> violations) {
        return "invalid request: "
                + violations.stream().map(ConstraintViolation::toString).collect(Collectors.joining("; "));
    }
}
