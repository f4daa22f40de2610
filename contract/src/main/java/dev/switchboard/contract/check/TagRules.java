package dev.switchboard.contract.check;

import dev.switchboard.contract.Position;
import dev.switchboard.contract.model.EnumType;
import dev.switchboard.contract.model.EnumValue;
import dev.switchboard.contract.model.Field;
import dev.switchboard.contract.model.MessageType;
import dev.switchboard.contract.model.TagRange;
import dev.switchboard.contract.model.TypeDefinition;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Wire numbers: field tags and enum numbers must be legal, unique within their type and never
 * reuse a reserved number, because a reused number silently misreads old data.
 */
final class TagRules {

    static final int MAX_TAG = 536_870_911;
    static final int PROTOBUF_RESERVED_FROM = 19_000;
    static final int PROTOBUF_RESERVED_TO = 19_999;

    private final Context context;

    TagRules(Context context) {
        this.context = context;
    }

    void check(TypeDefinition type) {
        int max = type instanceof MessageType ? MAX_TAG : Integer.MAX_VALUE;
        for (TagRange range : type.reserved()) {
            if (range.from() > range.to()) {
                context.report(range.position(), "reserved range " + range.from() + "-" + range.to() + " of type "
                        + type.name() + " runs backwards", "write " + range.to() + "-" + range.from());
            } else if (range.from() < 1 || range.to() > max) {
                context.report(range.position(), "reserved entry " + range + " of type " + type.name()
                        + " is outside 1.." + max, "reserve numbers between 1 and " + max);
            }
        }
        if (type instanceof MessageType message) {
            checkFields(message);
        } else {
            checkEnum((EnumType) type);
        }
    }

    private void checkFields(MessageType type) {
        Map<Integer, Field> byTag = new HashMap<>();
        List<Integer> used = type.fields().stream().map(Field::tag)
                .filter(t -> t >= 1 && t <= MAX_TAG && (t < PROTOBUF_RESERVED_FROM || t > PROTOBUF_RESERVED_TO))
                .toList();
        for (Field field : type.fields()) {
            int tag = field.tag();
            String subject = "field " + type.name() + "." + field.name() + " uses tag " + tag;
            Position position = context.at(field.position(), "types", type.name(), "fields", field.name(), "tag");
            String another = "pick a tag no other field of " + type.name() + " uses, e.g. " + nextFree(type, used);
            Field first = byTag.putIfAbsent(tag, field);
            if (tag < 1 || tag > MAX_TAG) {
                context.report(position, subject + ", which is outside 1.." + MAX_TAG,
                        "pick a tag between 1 and " + MAX_TAG);
            } else if (tag >= PROTOBUF_RESERVED_FROM && tag <= PROTOBUF_RESERVED_TO) {
                context.report(position, subject + ", which protobuf reserves (19000-19999)",
                        "pick a tag outside 19000-19999");
            } else if (reservedBy(type.reserved(), tag) != null) {
                context.report(position, subject + ", which " + type.name() + " reserves ("
                        + reservedBy(type.reserved(), tag) + ")", another + "; reserved tags are never reused");
            } else if (first != null) {
                context.report(position, subject + ", which field " + type.name() + "." + first.name()
                        + " already uses", another);
            }
        }
    }

    private void checkEnum(EnumType type) {
        Map<Integer, EnumValue> byNumber = new HashMap<>();
        List<Integer> used = type.values().stream().map(EnumValue::number).filter(n -> n >= 1).toList();
        for (EnumValue value : type.values()) {
            int number = value.number();
            String subject = "enum value " + type.name() + "." + value.name() + " uses number " + number;
            Position position = context.at(context.at(value.position(), "types", type.name(), "enum", value.name()),
                    "types", type.name(), "enum", value.name(), "number");
            String another = "pick a number no other value of " + type.name() + " uses, e.g. " + nextFree(type, used);
            EnumValue first = byNumber.putIfAbsent(number, value);
            if (number < 1) {
                context.report(position, subject + ", but enum numbers start at 1 (0 is the implicit UNSPECIFIED)",
                        another);
            } else if (reservedBy(type.reserved(), number) != null) {
                context.report(position, subject + ", which " + type.name() + " reserves ("
                        + reservedBy(type.reserved(), number) + ")", another + "; reserved numbers are never reused");
            } else if (first != null) {
                context.report(position, subject + ", which " + type.name() + "." + first.name() + " already uses",
                        another);
            }
        }
    }

    private static TagRange reservedBy(List<TagRange> reserved, int number) {
        return reserved.stream().filter(r -> r.contains(number)).findFirst().orElse(null);
    }

    /** The smallest number above every used and reserved one that is itself legal. */
    private static int nextFree(TypeDefinition type, List<Integer> used) {
        int candidate = 1;
        for (int number : used) {
            candidate = Math.max(candidate, number + 1);
        }
        for (TagRange range : type.reserved()) {
            candidate = Math.max(candidate, range.to() + 1);
        }
        if (type instanceof MessageType && candidate >= PROTOBUF_RESERVED_FROM && candidate <= PROTOBUF_RESERVED_TO) {
            candidate = PROTOBUF_RESERVED_TO + 1;
        }
        int limit = type instanceof MessageType ? MAX_TAG : Integer.MAX_VALUE;
        if (candidate < 1 || candidate > limit) {
            candidate = 1;
            while (candidate < limit && (used.contains(candidate) || reservedBy(type.reserved(), candidate) != null)) {
                candidate++;
            }
        }
        return candidate;
    }
}
