package dev.switchboard.contract.read;

import dev.switchboard.contract.Position;
import dev.switchboard.contract.model.Constraints;
import dev.switchboard.contract.model.EnumType;
import dev.switchboard.contract.model.EnumValue;
import dev.switchboard.contract.model.Field;
import dev.switchboard.contract.model.MessageType;
import dev.switchboard.contract.model.TagRange;
import dev.switchboard.contract.model.TypeDefinition;
import dev.switchboard.contract.model.TypeRef;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/** Reads the {@code types:} block into message and enum types, in file order. */
final class TypeReader {

    static final List<String> TYPE_KEYS = List.of("doc", "fields", "enum", "reserved");
    static final List<String> FIELD_KEYS = List.of(
            "type", "tag", "optional", "doc", "min", "max", "minLength", "maxLength", "pattern", "minItems", "maxItems");
    static final List<String> ENUM_VALUE_KEYS = List.of("number", "doc");

    private static final Pattern RANGE = Pattern.compile("\\s*([0-9]+)\\s*-\\s*([0-9]+)\\s*");

    private final Problems problems;

    TypeReader(Problems problems) {
        this.problems = problems;
    }

    List<TypeDefinition> read(Node typesNode) {
        List<TypeDefinition> types = new ArrayList<>();
        YamlMapping block = YamlMapping.of(typesNode, "types", "a mapping of type names, e.g. Money: { fields: ... }",
                problems);
        if (block == null) {
            return types;
        }
        for (NodeTuple entry : block.entries()) {
            TypeDefinition type = readType((ScalarNode) entry.getKeyNode(), entry.getValueNode());
            if (type != null) {
                types.add(type);
            }
        }
        return types;
    }

    private TypeDefinition readType(ScalarNode nameNode, Node value) {
        String name = nameNode.getValue();
        YamlMapping type = YamlMapping.of(value, "type " + name,
                "fields: { ... } for a message or enum: { ... } for an enum", problems);
        if (type == null) {
            return null;
        }
        type.allowOnly(TYPE_KEYS);
        String doc = type.text("doc");
        List<TagRange> reserved = readReserved(type);
        Position position = problems.at(nameNode);
        if (type.has("fields") && type.has("enum")) {
            problems.add(type.keyNode("enum"), "type " + name + " declares both fields and enum",
                    "keep fields for a message type or enum for an enum type");
        }
        if (type.has("fields")) {
            return new MessageType(name, doc, readFields(name, type.value("fields")), reserved, position);
        }
        if (type.has("enum")) {
            return new EnumType(name, doc, readEnumValues(name, type.value("enum")), reserved, position);
        }
        problems.add(nameNode, "type " + name + " declares neither fields nor enum",
                "add fields: { id: { type: string, tag: 1 } } for a message type or enum: { ACTIVE: 1 } for an enum type");
        return null;
    }

    private List<Field> readFields(String typeName, Node fieldsNode) {
        List<Field> fields = new ArrayList<>();
        YamlMapping block = YamlMapping.of(fieldsNode, "fields of type " + typeName,
                "a mapping of field names, e.g. id: { type: string, tag: 1 }", problems);
        if (block == null) {
            return fields;
        }
        for (NodeTuple entry : block.entries()) {
            Field field = readField(typeName, (ScalarNode) entry.getKeyNode(), entry.getValueNode());
            if (field != null) {
                fields.add(field);
            }
        }
        return fields;
    }

    private Field readField(String typeName, ScalarNode nameNode, Node value) {
        String what = "field " + typeName + "." + nameNode.getValue();
        YamlMapping field = YamlMapping.of(FlowTypeJoiner.join(value), what, "{ type: string, tag: 1 }", problems);
        if (field == null) {
            return null;
        }
        field.allowOnly(FIELD_KEYS);
        TypeRef type = readTypeRef(field, nameNode, what);
        Integer tag = field.require("tag", nameNode, "add tag: <number> with a number no other field of "
                + typeName + " uses") ? field.integer("tag") : null;
        Boolean optional = field.bool("optional");
        String doc = field.text("doc");
        Constraints constraints = new Constraints(field.number("min"), field.number("max"),
                field.integer("minLength"), field.integer("maxLength"), field.text("pattern"),
                field.integer("minItems"), field.integer("maxItems"));
        if (type == null || tag == null) {
            return null;
        }
        return new Field(nameNode.getValue(), type, tag, Boolean.TRUE.equals(optional), doc,
                constraints.isEmpty() ? Constraints.NONE : constraints, problems.at(nameNode));
    }

    private TypeRef readTypeRef(YamlMapping field, ScalarNode nameNode, String what) {
        if (!field.require("type", nameNode, "add type: <type>, e.g. type: string")) {
            return null;
        }
        ScalarNode typeNode = field.scalar("type");
        if (typeNode == null) {
            return null;
        }
        TypeRef type = TypeRefParser.parse(typeNode.getValue());
        if (type == null) {
            problems.add(typeNode, what + " has type '" + typeNode.getValue() + "', which is not a type expression",
                    "write a scalar such as string or int64, a type name, list<T> or map<K,V>");
        }
        return type;
    }

    private List<EnumValue> readEnumValues(String typeName, Node enumNode) {
        List<EnumValue> values = new ArrayList<>();
        YamlMapping block = YamlMapping.of(enumNode, "enum of type " + typeName,
                "a mapping of value names to numbers, e.g. { ACTIVE: 1, CLOSED: 2 }", problems);
        if (block == null) {
            return values;
        }
        if (block.node().getValue().isEmpty()) {
            problems.add(enumNode, "enum " + typeName + " has no values",
                    "add at least one value, e.g. enum: { ACTIVE: 1 }");
        }
        for (NodeTuple entry : block.entries()) {
            ScalarNode nameNode = (ScalarNode) entry.getKeyNode();
            String what = "enum value " + typeName + "." + nameNode.getValue();
            Integer number;
            String doc = null;
            if (entry.getValueNode() instanceof ScalarNode scalar && !scalar.getTag().equals(Tag.NULL)) {
                number = Scalars.integer(scalar, "number of " + what, "write " + nameNode.getValue() + ": 1", problems);
            } else {
                YamlMapping value = YamlMapping.of(entry.getValueNode(), what,
                        nameNode.getValue() + ": 1 or " + nameNode.getValue() + ": { number: 1, doc: ... }", problems);
                if (value == null) {
                    continue;
                }
                value.allowOnly(ENUM_VALUE_KEYS);
                number = value.require("number", nameNode, "add number: <number>") ? value.integer("number") : null;
                doc = value.text("doc");
            }
            if (number != null) {
                values.add(new EnumValue(nameNode.getValue(), number, doc, problems.at(nameNode)));
            }
        }
        return values;
    }

    private List<TagRange> readReserved(YamlMapping type) {
        List<TagRange> ranges = new ArrayList<>();
        Node node = type.value("reserved");
        if (node == null) {
            return ranges;
        }
        if (!(node instanceof SequenceNode list)) {
            problems.add(node, "reserved of " + type.what() + " must be a list, not " + YamlMapping.describe(node),
                    "write reserved: [9, 10, 20-29]");
            return ranges;
        }
        for (Node item : list.getValue()) {
            TagRange range = readRange(item, type.what());
            if (range != null) {
                ranges.add(range);
            }
        }
        return ranges;
    }

    private TagRange readRange(Node item, String what) {
        String fix = "write a number such as 9 or a range such as 20-29";
        if (!(item instanceof ScalarNode scalar) || scalar.getTag().equals(Tag.NULL)) {
            problems.add(item, "reserved entry of " + what + " must be a number or a range, not "
                    + YamlMapping.describe(item), fix);
            return null;
        }
        Matcher range = RANGE.matcher(scalar.getValue());
        if (range.matches()) {
            Integer from = bounded(range.group(1), scalar, what, fix);
            Integer to = bounded(range.group(2), scalar, what, fix);
            return from == null || to == null ? null : new TagRange(from, to, problems.at(scalar));
        }
        Integer tag = Scalars.integer(scalar, "reserved entry of " + what, fix, problems);
        return tag == null ? null : new TagRange(tag, tag, problems.at(scalar));
    }

    private Integer bounded(String digits, ScalarNode scalar, String what, String fix) {
        try {
            return Integer.valueOf(digits);
        } catch (NumberFormatException tooLarge) {
            problems.add(scalar, "reserved entry of " + what + " is " + scalar.getValue() + ", which is too large", fix);
            return null;
        }
    }
}
