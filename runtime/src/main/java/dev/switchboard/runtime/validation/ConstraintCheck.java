package dev.switchboard.runtime.validation;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Collects constraint violations while generated {@link Validatable#validate} methods walk a value.
 * Keeps the path to the current value so messages name the exact field ({@code items[1].sku}).
 * The checks live here, once, rather than being repeated in every generated class.
 */
public final class ConstraintCheck {

    private final String prefix;
    private final List<ConstraintViolation> sink;

    private ConstraintCheck(String prefix, List<ConstraintViolation> sink) {
        this.prefix = prefix;
        this.sink = sink;
    }

    /** Validates a whole value; an empty list means it is valid. */
    public static List<ConstraintViolation> violationsOf(Validatable value) {
        List<ConstraintViolation> found = new ArrayList<>();
        value.validate(new ConstraintCheck("", found));
        return List.copyOf(found);
    }

    /** Validates a value and throws {@link ValidationException} listing every violation. */
    public static <T extends Validatable> T requireValid(T value) {
        List<ConstraintViolation> found = violationsOf(value);
        if (!found.isEmpty()) {
            throw new ValidationException(found);
        }
        return value;
    }

    public void violation(String field, String message) {
        sink.add(new ConstraintViolation(prefix + field, message));
    }

    public void required(String field, Object value) {
        if (value == null) {
            violation(field, "is required");
        }
    }

    public void min(String field, long value, long min) {
        if (value < min) {
            violation(field, "must be at least " + min);
        }
    }

    public void max(String field, long value, long max) {
        if (value > max) {
            violation(field, "must be at most " + max);
        }
    }

    public void min(String field, double value, double min) {
        if (value < min) {
            violation(field, "must be at least " + format(min));
        }
    }

    public void max(String field, double value, double max) {
        if (value > max) {
            violation(field, "must be at most " + format(max));
        }
    }

    /** For optional numbers and decimals: null means absent, which no bound forbids. */
    public void min(String field, Number value, String min) {
        if (value != null && decimal(value).compareTo(new BigDecimal(min)) < 0) {
            violation(field, "must be at least " + min);
        }
    }

    public void max(String field, Number value, String max) {
        if (value != null && decimal(value).compareTo(new BigDecimal(max)) > 0) {
            violation(field, "must be at most " + max);
        }
    }

    public void minLength(String field, CharSequence value, int min) {
        if (value != null && codePoints(value) < min) {
            violation(field, "must be at least " + min + (min == 1 ? " character" : " characters") + " long");
        }
    }

    public void maxLength(String field, CharSequence value, int max) {
        if (value != null && codePoints(value) > max) {
            violation(field, "must be at most " + max + (max == 1 ? " character" : " characters") + " long");
        }
    }

    /** The whole value must match, as the contract format defines {@code pattern}. */
    public void pattern(String field, CharSequence value, Pattern pattern) {
        if (value != null && !pattern.matcher(value).matches()) {
            violation(field, "must match " + pattern.pattern());
        }
    }

    public void minItems(String field, Collection<?> value, int min) {
        if (value.size() < min) {
            violation(field, "must have at least " + min + (min == 1 ? " item" : " items"));
        }
    }

    public void maxItems(String field, Collection<?> value, int max) {
        if (value.size() > max) {
            violation(field, "must have at most " + max + (max == 1 ? " item" : " items"));
        }
    }

    public void minItems(String field, Map<?, ?> value, int min) {
        minItems(field, value.keySet(), min);
    }

    public void maxItems(String field, Map<?, ?> value, int max) {
        maxItems(field, value.keySet(), max);
    }

    /** Descends into a nested value; null (an absent optional) is skipped. */
    public void nested(String field, Validatable value) {
        if (value != null) {
            value.validate(new ConstraintCheck(prefix + field + ".", sink));
        }
    }

    public void each(String field, List<? extends Validatable> values) {
        for (int i = 0; i < values.size(); i++) {
            nested(field + "[" + i + "]", values.get(i));
        }
    }

    public void eachValue(String field, Map<?, ? extends Validatable> values) {
        values.forEach((key, value) -> nested(field + "[" + key + "]", value));
    }

    private static int codePoints(CharSequence value) {
        return Character.codePointCount(value, 0, value.length());
    }

    private static BigDecimal decimal(Number value) {
        return value instanceof BigDecimal d ? d : new BigDecimal(value.toString());
    }

    private static String format(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }
}
