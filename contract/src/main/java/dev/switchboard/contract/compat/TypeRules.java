package dev.switchboard.contract.compat;

import dev.switchboard.contract.model.Constraints;
import dev.switchboard.contract.model.EnumType;
import dev.switchboard.contract.model.EnumValue;
import dev.switchboard.contract.model.Field;
import dev.switchboard.contract.model.MessageType;
import dev.switchboard.contract.model.ServiceContract;
import dev.switchboard.contract.model.TypeDefinition;
import dev.switchboard.contract.model.TypeRef;
import java.math.BigDecimal;
import java.util.Objects;
import java.util.Set;

/** Message and enum types: fields, tags, field types, presence, constraints, enum values. */
final class TypeRules {

    private final ServiceContract baseline;
    private final ServiceContract current;
    private final TypeUsage usage;
    private final Findings findings;

    TypeRules(ServiceContract baseline, ServiceContract current, Findings findings) {
        this.baseline = baseline;
        this.current = current;
        this.usage = new TypeUsage(baseline);
        this.findings = findings;
    }

    void check() {
        for (TypeDefinition old : baseline.types()) {
            TypeDefinition now = current.type(old.name()).orElse(null);
            Set<Audience> affects = usage.of(old.name());
            if (now == null) {
                findings.breaking("type-removed", old.name(), old.position(),
                        "the type is gone; callers and consumers built on the baseline still send or expect it", affects);
            } else if (old instanceof MessageType oldMessage && now instanceof MessageType newMessage) {
                fields(oldMessage, newMessage, affects);
            } else if (old instanceof EnumType oldEnum && now instanceof EnumType newEnum) {
                values(oldEnum, newEnum, affects);
            } else {
                findings.breaking("type-kind-changed", old.name(), now.position(),
                        "a message became an enum or the reverse; nothing on the wire reads the same", affects);
            }
        }
        for (TypeDefinition now : current.types()) {
            if (baseline.type(now.name()).isEmpty()) {
                findings.compatible("type-added", now.name(), now.position(), "a new type breaks no existing caller");
            }
        }
    }

    private void fields(MessageType old, MessageType now, Set<Audience> affects) {
        for (Field oldField : old.fields()) {
            String subject = old.name() + "." + oldField.name();
            Field newField = field(now, oldField.name());
            if (newField == null) {
                removed(old, now, oldField, subject, affects);
                continue;
            }
            if (newField.tag() != oldField.tag()) {
                findings.breaking("field-tag-changed", subject, newField.position(),
                        "tag " + oldField.tag() + " became " + newField.tag() + ": protobuf readers find the value under the wrong number",
                        Set.of(Audience.GRPC));
            }
            if (!newField.type().spelling().equals(oldField.type().spelling())) {
                findings.breaking("field-type-changed", subject, newField.position(),
                        oldField.type().spelling() + " became " + newField.type().spelling()
                                + ": readers built on the baseline cannot read the new value (or lose range)", affects);
            }
            if (newField.optional() != oldField.optional()) {
                findings.breaking("field-presence-changed", subject, newField.position(),
                        (oldField.optional() ? "optional became required" : "required became optional")
                                + ": absent and default values are read differently, and generated code changes type", affects);
            }
            String tightened = tightened(oldField.constraints(), newField.constraints());
            if (tightened != null) {
                findings.breaking("constraint-tightened", subject, newField.position(),
                        tightened + ": requests that were valid are now rejected", affects);
            }
        }
        for (Field newField : now.fields()) {
            if (field(old, newField.name()) != null) {
                continue;
            }
            String subject = now.name() + "." + newField.name();
            Field reusing = old.fields().stream().filter(f -> f.tag() == newField.tag()).findFirst().orElse(null);
            if (reusing != null) {
                findings.breaking("tag-reused", subject, newField.position(),
                        "tag " + newField.tag() + " belonged to " + reusing.name()
                                + ": protobuf readers built on the baseline read this field as that one", Set.of(Audience.GRPC));
            } else if (required(newField)) {
                findings.breaking("field-added-required", subject, newField.position(),
                        "a new field that validation requires: callers built on the baseline never send it", affects);
            } else {
                findings.compatible("field-added", subject, newField.position(),
                        "a new field that may be absent; old readers skip it");
            }
        }
    }

    private void removed(MessageType old, MessageType now, Field oldField, String subject, Set<Audience> affects) {
        boolean reserved = now.reserved().stream().anyMatch(range -> range.contains(oldField.tag()));
        if (reserved) {
            findings.compatible("field-removed-reserved", subject, now.position(),
                    "removed with tag " + oldField.tag() + " reserved; readers ignore it");
        } else {
            findings.breaking("field-removed", subject, oldField.position(),
                    "removed without reserving tag " + oldField.tag()
                            + ": the tag can be reused for something else, and readers lose the value", affects);
        }
    }

    private void values(EnumType old, EnumType now, Set<Audience> affects) {
        for (EnumValue oldValue : old.values()) {
            String subject = old.name() + "." + oldValue.name();
            EnumValue newValue = now.values().stream().filter(v -> v.name().equals(oldValue.name())).findFirst().orElse(null);
            if (newValue == null) {
                boolean reserved = now.reserved().stream().anyMatch(range -> range.contains(oldValue.number()));
                if (reserved) {
                    findings.compatible("enum-value-removed-reserved", subject, now.position(),
                            "removed with number " + oldValue.number() + " reserved");
                } else {
                    findings.breaking("enum-value-removed", subject, oldValue.position(),
                            "removed without reserving number " + oldValue.number()
                                    + ": senders built on the baseline still send it", affects);
                }
            } else if (newValue.number() != oldValue.number()) {
                findings.breaking("enum-value-renumbered", subject, newValue.position(),
                        oldValue.number() + " became " + newValue.number() + ": protobuf readers see another value",
                        Set.of(Audience.GRPC));
            }
        }
        for (EnumValue newValue : now.values()) {
            if (old.values().stream().noneMatch(v -> v.name().equals(newValue.name()))) {
                findings.compatible("enum-value-added", now.name() + "." + newValue.name(), newValue.position(),
                        "old readers see UNRECOGNIZED and keep the number");
            }
        }
    }

    private static Field field(MessageType type, String name) {
        return type.fields().stream().filter(f -> f.name().equals(name)).findFirst().orElse(null);
    }

    /** Whether validation rejects the field's absence: message-like fields, or constraints the default breaks. */
    private boolean required(Field field) {
        if (field.optional()) {
            return false;
        }
        TypeRef type = field.type();
        boolean messageLike = type instanceof TypeRef.Named named && current.type(named.name()).orElse(null) instanceof MessageType
                || type instanceof TypeRef.Scalar scalar && switch (scalar.kind()) {
                    case TIMESTAMP, DURATION, DECIMAL -> true;
                    default -> false;
                };
        Constraints c = field.constraints();
        boolean defaultRejected = c != null && ((c.minLength() != null && c.minLength() > 0)
                || (c.minItems() != null && c.minItems() > 0)
                || (c.min() != null && c.min().signum() > 0)
                || (c.max() != null && c.max().signum() < 0)
                || c.pattern() != null);
        return messageLike || defaultRejected;
    }

    /** What got stricter, or null. */
    private static String tightened(Constraints old, Constraints now) {
        Constraints before = old == null ? Constraints.NONE : old;
        Constraints after = now == null ? Constraints.NONE : now;
        if (raised(before.min(), after.min())) {
            return "min " + text(before.min()) + " became " + after.min();
        }
        if (lowered(before.max(), after.max())) {
            return "max " + text(before.max()) + " became " + after.max();
        }
        if (raised(decimal(before.minLength()), decimal(after.minLength()))) {
            return "minLength " + text(before.minLength()) + " became " + after.minLength();
        }
        if (lowered(decimal(before.maxLength()), decimal(after.maxLength()))) {
            return "maxLength " + text(before.maxLength()) + " became " + after.maxLength();
        }
        if (raised(decimal(before.minItems()), decimal(after.minItems()))) {
            return "minItems " + text(before.minItems()) + " became " + after.minItems();
        }
        if (lowered(decimal(before.maxItems()), decimal(after.maxItems()))) {
            return "maxItems " + text(before.maxItems()) + " became " + after.maxItems();
        }
        if (after.pattern() != null && !Objects.equals(before.pattern(), after.pattern())) {
            return "pattern " + (before.pattern() == null ? "(none)" : before.pattern()) + " became " + after.pattern();
        }
        return null;
    }

    private static boolean raised(BigDecimal before, BigDecimal after) {
        return after != null && (before == null || after.compareTo(before) > 0);
    }

    private static boolean lowered(BigDecimal before, BigDecimal after) {
        return after != null && (before == null || after.compareTo(before) < 0);
    }

    private static BigDecimal decimal(Integer value) {
        return value == null ? null : BigDecimal.valueOf(value);
    }

    private static String text(Object value) {
        return value == null ? "(none)" : value.toString();
    }
}
