package dev.switchboard.codegen.spec;

import static dev.switchboard.codegen.spec.YamlDocument.map;

import dev.switchboard.contract.model.Constraints;
import dev.switchboard.contract.model.EnumType;
import dev.switchboard.contract.model.EnumValue;
import dev.switchboard.contract.model.Field;
import dev.switchboard.contract.model.MessageType;
import dev.switchboard.contract.model.ScalarKind;
import dev.switchboard.contract.model.ServiceContract;
import dev.switchboard.contract.model.TypeDefinition;
import dev.switchboard.contract.model.TypeRef;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * JSON Schemas of the contract's types, as their JSON form looks on the wire: shared by OpenAPI and
 * AsyncAPI so both documents describe a payload the same way. Constraints are exported so a client
 * can check a request before sending it.
 */
final class JsonSchemas {

    /** JSON Schema flavours the documents use. */
    enum Dialect {
        /** OpenAPI 3.1: JSON Schema 2020-12, where {@code $ref} may have sibling keywords. */
        DRAFT_2020_12,
        /** AsyncAPI 3.0's default schema format, a superset of draft 7: {@code $ref} stands alone. */
        DRAFT_07
    }

    static final String REF_PREFIX = "#/components/schemas/";

    /** What {@code new BigDecimal(String)} accepts, which is how a decimal string is read. */
    static final String DECIMAL_PATTERN = "^[+-]?(?:[0-9]+(?:\\.[0-9]*)?|\\.[0-9]+)(?:[eE][+-]?[0-9]+)?$";

    private static final BigInteger UINT32_MAX = BigInteger.valueOf(0xFFFF_FFFFL);
    private static final BigInteger UINT64_MAX = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);

    private final ServiceContract contract;
    private final Dialect dialect;

    JsonSchemas(ServiceContract contract, Dialect dialect) {
        this.contract = contract;
        this.dialect = dialect;
    }

    static Map<String, Object> ref(String typeName) {
        return map("$ref", REF_PREFIX + typeName);
    }

    /**
     * Schemas of the named types and every type they reach, in declaration order, keyed by type
     * name: a document lists what its payloads use, not the whole contract.
     */
    Map<String, Object> schemasReachableFrom(Collection<String> typeNames) {
        Set<String> reached = reachable(typeNames);
        Map<String, Object> schemas = new LinkedHashMap<>();
        for (TypeDefinition type : contract.types()) {
            if (reached.contains(type.name())) {
                schemas.put(type.name(), typeSchema(type));
            }
        }
        return schemas;
    }

    Map<String, Object> typeSchema(TypeDefinition type) {
        return type instanceof MessageType message ? messageSchema(message) : enumSchema((EnumType) type);
    }

    /**
     * Whether validation rejects a message without this field: present-by-default values (numbers,
     * strings, enums, collections) always have a value, while absent objects do not.
     */
    boolean isRequired(Field field) {
        if (field.optional()) {
            return false;
        }
        if (field.type() instanceof TypeRef.Scalar scalar) {
            return switch (scalar.kind()) {
                case TIMESTAMP, DURATION, DECIMAL -> true;
                default -> false;
            };
        }
        return field.type() instanceof TypeRef.Named named
                && contract.type(named.name()).orElse(null) instanceof MessageType;
    }

    /** The schema of one field's value, with its constraints, and its doc when {@code withDoc}. */
    Map<String, Object> fieldSchema(Field field, boolean withDoc) {
        Constraints c = field.constraints();
        Map<String, Object> schema;
        if (field.type() instanceof TypeRef.ListOf list) {
            schema = map(
                    "type", "array",
                    "items", valueSchema(list.element(), c),
                    "minItems", c.minItems(),
                    "maxItems", c.maxItems());
        } else if (field.type() instanceof TypeRef.MapOf mapOf) {
            schema = map(
                    "type", "object",
                    "propertyNames", keySchema(mapOf.key()),
                    "additionalProperties", valueSchema(mapOf.value(), c),
                    "minProperties", c.minItems(),
                    "maxProperties", c.maxItems());
        } else {
            schema = valueSchema(field.type(), c);
        }
        return withDoc ? described(schema, field.doc()) : schema;
    }

    private Map<String, Object> messageSchema(MessageType message) {
        Map<String, Object> properties = new LinkedHashMap<>();
        List<String> required = new ArrayList<>();
        for (Field field : message.fields()) {
            properties.put(field.name(), fieldSchema(field, true));
            if (isRequired(field)) {
                required.add(field.name());
            }
        }
        return map(
                "type", "object",
                "description", blankToNull(message.doc()),
                "properties", properties,
                "required", required.isEmpty() ? null : required);
    }

    private static Map<String, Object> enumSchema(EnumType enumType) {
        List<String> names = new ArrayList<>();
        names.add(EnumType.UNSPECIFIED);
        enumType.values().stream().map(EnumValue::name).forEach(names::add);
        return map("type", "string", "description", blankToNull(enumType.doc()), "enum", names);
    }

    /** A single value: a named type or a scalar, with the constraints that apply to it. */
    private static Map<String, Object> valueSchema(TypeRef type, Constraints c) {
        if (type instanceof TypeRef.Named named) {
            return ref(named.name());
        }
        if (type instanceof TypeRef.Scalar scalar) {
            return scalarSchema(scalar.kind(), c);
        }
        throw new IllegalArgumentException("a list or map may not hold " + type.spelling());
    }

    private static Map<String, Object> scalarSchema(ScalarKind kind, Constraints c) {
        return switch (kind) {
            case BOOL -> map("type", "boolean");
            case INT32 -> map("type", "integer", "format", "int32", "minimum", number(c.min()), "maximum", number(c.max()));
            case INT64 -> map("type", "integer", "format", "int64", "minimum", number(c.min()), "maximum", number(c.max()));
            // A uint32 does not fit a signed int32; int64 holds every value.
            case UINT32 -> map("type", "integer", "format", "int64",
                    "minimum", unsignedMin(c.min()), "maximum", atMost(c.max(), UINT32_MAX));
            // No registered format holds every uint64; the bounds say it all.
            case UINT64 -> map("type", "integer", "minimum", unsignedMin(c.min()), "maximum", atMost(c.max(), UINT64_MAX));
            case FLOAT -> map("type", "number", "format", "float", "minimum", number(c.min()), "maximum", number(c.max()));
            case DOUBLE -> map("type", "number", "format", "double", "minimum", number(c.min()), "maximum", number(c.max()));
            case STRING -> map("type", "string", "minLength", c.minLength(), "maxLength", c.maxLength(),
                    "pattern", c.pattern() == null ? null : "^(?:" + c.pattern() + ")$");
            case BYTES -> map("type", "string", "contentEncoding", "base64",
                    "description", bytesLength(c));
            case TIMESTAMP -> map("type", "string", "format", "date-time");
            case DURATION -> map("type", "string", "format", "duration");
            // A JSON number would lose precision in many parsers, so decimals travel as strings;
            // their bounds cannot be JSON Schema bounds, so they are written out.
            case DECIMAL -> map("type", "string", "description", decimalRange(c), "pattern", DECIMAL_PATTERN);
        };
    }

    /** JSON object keys are strings; a numeric or boolean map key is spelt as one. */
    private static Map<String, Object> keySchema(TypeRef key) {
        if (!(key instanceof TypeRef.Scalar scalar)) {
            throw new IllegalArgumentException("map key must be a scalar, not " + key.spelling());
        }
        return switch (scalar.kind()) {
            case STRING -> null;
            case BOOL -> map("enum", List.of("true", "false"));
            case UINT32, UINT64 -> map("pattern", "^[0-9]+$");
            case INT32, INT64 -> map("pattern", "^-?[0-9]+$");
            default -> throw new IllegalArgumentException("map key cannot be " + key.spelling());
        };
    }

    /** Adds a doc to a schema; a draft-7 {@code $ref} ignores siblings, so it is wrapped in allOf there. */
    private Map<String, Object> described(Map<String, Object> schema, String doc) {
        if (doc == null || doc.isBlank()) {
            return schema;
        }
        if (schema.containsKey("$ref") && dialect == Dialect.DRAFT_07) {
            return map("allOf", List.of(schema), "description", doc.strip());
        }
        Object note = schema.get("description");
        Map<String, Object> described = new LinkedHashMap<>(schema);
        described.put("description", note == null ? doc.strip() : doc.strip() + " " + note);
        return described;
    }

    private Set<String> reachable(Collection<String> roots) {
        Set<String> seen = new HashSet<>();
        Deque<String> pending = new ArrayDeque<>(roots);
        while (!pending.isEmpty()) {
            String name = pending.pop();
            if (seen.add(name) && contract.type(name).orElse(null) instanceof MessageType message) {
                for (Field field : message.fields()) {
                    namesIn(field.type(), pending);
                }
            }
        }
        return seen;
    }

    private static void namesIn(TypeRef type, Deque<String> into) {
        if (type instanceof TypeRef.Named named) {
            into.push(named.name());
        } else if (type instanceof TypeRef.ListOf list) {
            namesIn(list.element(), into);
        } else if (type instanceof TypeRef.MapOf mapOf) {
            namesIn(mapOf.value(), into);
        }
    }

    private static String bytesLength(Constraints c) {
        if (c.minLength() == null && c.maxLength() == null) {
            return null;
        }
        return "Base64 of " + range(c.minLength(), c.maxLength()) + " bytes.";
    }

    private static String decimalRange(Constraints c) {
        if (c.min() == null && c.max() == null) {
            return "A decimal number.";
        }
        return "A decimal number, " + range(c.min() == null ? null : c.min().toPlainString(),
                c.max() == null ? null : c.max().toPlainString()) + ".";
    }

    private static String range(Object min, Object max) {
        if (min != null && max != null) {
            return "from " + min + " to " + max;
        }
        return min != null ? "at least " + min : "at most " + max;
    }

    /** Integral bounds as integers, others as doubles, so YAML writes them as plain numbers. */
    private static Number number(BigDecimal value) {
        if (value == null) {
            return null;
        }
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() <= 0 ? stripped.toBigIntegerExact() : value.doubleValue();
    }

    private static Number unsignedMin(BigDecimal min) {
        return min == null || min.signum() < 0 ? BigInteger.ZERO : number(min);
    }

    private static Number atMost(BigDecimal max, BigInteger limit) {
        return max == null || new BigDecimal(limit).compareTo(max) < 0 ? limit : number(max);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
