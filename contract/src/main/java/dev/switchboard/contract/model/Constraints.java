package dev.switchboard.contract.model;

import java.math.BigDecimal;

/**
 * Validation constraints of a field; each is null when not declared. Enforced on every inbound
 * transport and exported to OpenAPI. Bounds are inclusive; {@code pattern} must match the whole value.
 */
public record Constraints(
        BigDecimal min,
        BigDecimal max,
        Integer minLength,
        Integer maxLength,
        String pattern,
        Integer minItems,
        Integer maxItems) {

    public static final Constraints NONE = new Constraints(null, null, null, null, null, null, null);

    public boolean isEmpty() {
        return equals(NONE);
    }
}
