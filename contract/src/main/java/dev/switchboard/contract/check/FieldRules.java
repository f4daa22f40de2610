package dev.switchboard.contract.check;

import dev.switchboard.contract.Position;
import dev.switchboard.contract.model.Constraints;
import dev.switchboard.contract.model.Field;
import dev.switchboard.contract.model.MessageType;
import dev.switchboard.contract.model.ScalarKind;
import dev.switchboard.contract.model.TypeRef;
import dev.switchboard.contract.read.Suggestions;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** Field types (names resolve, collections nest legally) and constraints (only where they fit). */
final class FieldRules {

    private static final String NUMBERS = "numbers (int32, int64, uint32, uint64, float, double, decimal)";

    /** The values a bounded number type holds, as people read them, and a wider type; decimals hold any. */
    private record Range(BigDecimal low, BigDecimal high, String shown, String wider) {}

    private static final Map<ScalarKind, Range> RANGES = Map.of(
            ScalarKind.INT32, integral(Integer.MIN_VALUE, BigInteger.valueOf(Integer.MAX_VALUE), "int64"),
            ScalarKind.INT64, integral(Long.MIN_VALUE, BigInteger.valueOf(Long.MAX_VALUE), "decimal"),
            ScalarKind.UINT32, integral(0, BigInteger.valueOf(0xFFFF_FFFFL), "int64"),
            ScalarKind.UINT64, integral(0, BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE), "decimal"),
            ScalarKind.FLOAT, new Range(new BigDecimal(-Float.MAX_VALUE), new BigDecimal(Float.MAX_VALUE),
                    -Float.MAX_VALUE + " to " + Float.MAX_VALUE, "double"),
            ScalarKind.DOUBLE, new Range(new BigDecimal(-Double.MAX_VALUE), new BigDecimal(Double.MAX_VALUE),
                    -Double.MAX_VALUE + " to " + Double.MAX_VALUE, "decimal"));

    private final Context context;

    FieldRules(Context context) {
        this.context = context;
    }

    void check(MessageType type) {
        for (Field field : type.fields()) {
            String subject = "field " + type.name() + "." + field.name();
            checkType(field.type(), subject, at(type, field, "type"), false);
            if (field.optional() && isCollection(field.type())) {
                context.report(at(type, field, "optional"), subject + " is a " + field.type().spelling()
                        + " and cannot be optional",
                        "remove optional: lists and maps are never null, they are empty instead");
            }
            checkConstraints(type, field, subject);
        }
    }

    private void checkType(TypeRef type, String subject, Position position, boolean inCollection) {
        if (type instanceof TypeRef.Named named && !context.types.containsKey(named.name())) {
            List<String> candidates = new ArrayList<>(context.types.keySet());
            Arrays.stream(ScalarKind.values()).forEach(k -> candidates.add(k.contractName()));
            context.report(position, subject + " refers to unknown type " + named.name(),
                    Suggestions.didYouMean(named.name(), candidates, "declare " + named.name()
                            + " under types, or use a scalar such as string or int64"));
        } else if (type instanceof TypeRef.ListOf list) {
            nesting(list, subject, position, inCollection);
            checkType(list.element(), subject, position, true);
        } else if (type instanceof TypeRef.MapOf map) {
            nesting(map, subject, position, inCollection);
            if (!(map.key() instanceof TypeRef.Scalar key)
                    || !(key.kind() == ScalarKind.STRING || key.kind() == ScalarKind.BOOL || key.kind().isIntegral())) {
                context.report(position, subject + " has map key type " + map.key().spelling()
                                + ", but map keys must be string, bool or an integer type",
                        "use string, bool, int32, int64, uint32 or uint64 as the key");
            }
            checkType(map.value(), subject, position, true);
        }
    }

    private void nesting(TypeRef collection, String subject, Position position, boolean inCollection) {
        if (inCollection) {
            context.report(position, subject + " puts " + collection.spelling()
                            + " directly inside a list or map, which protobuf cannot encode",
                    "wrap the inner collection in a message type and use that type instead");
        }
    }

    private void checkConstraints(MessageType type, Field field, String subject) {
        Constraints c = field.constraints();
        if (c.isEmpty()) {
            return;
        }
        TypeRef t = field.type();
        boolean numeric = t instanceof TypeRef.Scalar s && s.kind().isNumeric();
        boolean string = t instanceof TypeRef.Scalar s && s.kind() == ScalarKind.STRING;
        boolean collection = isCollection(t);
        String instead = string ? "use minLength and maxLength for the length of a string"
                : collection ? "use minItems and maxItems for the size of a list or map"
                : numeric ? "use min and max for numbers" : null;
        String not = ", not " + t.spelling();
        misplaced(type, field, "min", c.min(), !numeric, subject, "min and max apply only to " + NUMBERS + not, instead);
        misplaced(type, field, "max", c.max(), !numeric, subject, "min and max apply only to " + NUMBERS + not, instead);
        String strings = "minLength, maxLength and pattern apply only to string" + not;
        misplaced(type, field, "minLength", c.minLength(), !string, subject, strings, instead);
        misplaced(type, field, "maxLength", c.maxLength(), !string, subject, strings, instead);
        misplaced(type, field, "pattern", c.pattern(), !string, subject, strings, instead);
        String collections = "minItems and maxItems apply only to lists and maps" + not;
        misplaced(type, field, "minItems", c.minItems(), !collection, subject, collections, instead);
        misplaced(type, field, "maxItems", c.maxItems(), !collection, subject, collections, instead);
        if (numeric) {
            withinRange(type, field, "min", c.min(), ((TypeRef.Scalar) t).kind(), subject);
            withinRange(type, field, "max", c.max(), ((TypeRef.Scalar) t).kind(), subject);
        }
        notNegative(type, field, "minLength", c.minLength(), subject);
        notNegative(type, field, "maxLength", c.maxLength(), subject);
        notNegative(type, field, "minItems", c.minItems(), subject);
        notNegative(type, field, "maxItems", c.maxItems(), subject);
        if (c.min() != null && c.max() != null && c.min().compareTo(c.max()) > 0) {
            ordered(type, field, "min", c.min(), "max", c.max(), subject);
        }
        if (c.minLength() != null && c.maxLength() != null && c.minLength() > c.maxLength()) {
            ordered(type, field, "minLength", c.minLength(), "maxLength", c.maxLength(), subject);
        }
        if (c.minItems() != null && c.maxItems() != null && c.minItems() > c.maxItems()) {
            ordered(type, field, "minItems", c.minItems(), "maxItems", c.maxItems(), subject);
        }
        if (c.pattern() != null) {
            try {
                Pattern.compile(c.pattern());
            } catch (PatternSyntaxException e) {
                context.report(at(type, field, "pattern"), subject + " has pattern '" + c.pattern()
                                + "', which is not a valid regular expression: " + e.getDescription(),
                        "write a java.util.regex pattern; it must match the whole value");
            }
        }
    }

    private void misplaced(MessageType type, Field field, String key, Object value, boolean misplaced,
            String subject, String rule, String instead) {
        if (value != null && misplaced) {
            context.report(at(type, field, key), subject + " has " + key + ", but " + rule,
                    instead != null ? "remove " + key + ", or " + instead : "remove " + key);
        }
    }

    /**
     * A bound outside what the type holds is either always met or never met, and cannot be written
     * as a literal of the type in generated code.
     */
    private void withinRange(MessageType type, Field field, String key, BigDecimal bound, ScalarKind kind,
            String subject) {
        Range range = RANGES.get(kind);
        if (bound == null || range == null
                || (bound.compareTo(range.low()) >= 0 && bound.compareTo(range.high()) <= 0)) {
            return;
        }
        String shownBound = bound.abs().compareTo(BigDecimal.TEN.pow(20)) > 0 ? bound.toString() : text(bound);
        context.report(at(type, field, key), subject + " has " + key + " " + shownBound + ", outside the range of "
                        + kind.contractName() + " (" + range.shown() + ")",
                "write a " + key + " from " + range.shown() + ", or use a wider type such as " + range.wider());
    }

    private void notNegative(MessageType type, Field field, String key, Integer value, String subject) {
        if (value != null && value < 0) {
            context.report(at(type, field, key), subject + " has " + key + " " + value + ", which is negative",
                    "use 0 or more");
        }
    }

    private void ordered(MessageType type, Field field, String lowKey, Object low, String highKey, Object high,
            String subject) {
        context.report(at(type, field, highKey), subject + " has " + lowKey + " " + text(low) + " greater than "
                + highKey + " " + text(high), "make " + lowKey + " at most " + highKey);
    }

    private static String text(Object value) {
        return value instanceof BigDecimal decimal ? Context.format(decimal) : String.valueOf(value);
    }

    private static Range integral(long low, BigInteger high, String wider) {
        return new Range(BigDecimal.valueOf(low), new BigDecimal(high), low + " to " + high, wider);
    }

    private Position at(MessageType type, Field field, String key) {
        return context.at(field.position(), "types", type.name(), "fields", field.name(), key);
    }

    static boolean isCollection(TypeRef type) {
        return type instanceof TypeRef.ListOf || type instanceof TypeRef.MapOf;
    }
}
