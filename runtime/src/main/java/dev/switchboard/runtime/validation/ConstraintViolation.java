package dev.switchboard.runtime.validation;

/**
 * One broken constraint.
 *
 * @param field   path of the offending value, e.g. {@code items[2].quantity}
 * @param message what is wrong, e.g. {@code must be at least 1}
 */
public record ConstraintViolation(String field, String message) {

    @Override
    public String toString() {
        return field + ": " + message;
    }
}
