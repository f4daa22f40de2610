package dev.switchboard.test;

import com.google.protobuf.ByteString;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.EnumDescriptor;
import com.google.protobuf.Descriptors.EnumValueDescriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.DynamicMessage;
import com.google.protobuf.Message;
import dev.switchboard.contract.ProtoNames;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A message between the JSON the generated records read and write and its protobuf form under the contract's
 * descriptor, so one script answers both transports and a gRPC call is recorded as the same JSON a REST call is.
 * Field names are the contract's (protoc's JSON names), enum values the contract's names without protoc's prefix,
 * timestamps and durations ISO-8601 strings, decimals strings, bytes base64.
 */
final class ProtoJson {

    private static final String TIMESTAMP = "google.protobuf.Timestamp";
    private static final String DURATION = "google.protobuf.Duration";

    private ProtoJson() {}

    /** {@code json}, already checked against the contract, as a message of {@code type}. */
    static DynamicMessage toMessage(Descriptor type, JsonNode json) {
        DynamicMessage.Builder message = DynamicMessage.newBuilder(type);
        if (json == null || !json.isObject()) {
            return message.build();
        }
        for (FieldDescriptor field : type.getFields()) {
            JsonNode value = json.get(field.getJsonName());
            if (value == null || value.isNull()) {
                continue;
            }
            if (field.isMapField()) {
                Descriptor entry = field.getMessageType();
                FieldDescriptor key = entry.findFieldByNumber(1);
                FieldDescriptor mapped = entry.findFieldByNumber(2);
                value.properties().forEach(pair -> message.addRepeatedField(field, DynamicMessage.newBuilder(entry)
                        .setField(key, scalar(key, JsonNodeFactory.instance.stringNode(pair.getKey())))
                        .setField(mapped, single(mapped, pair.getValue()))
                        .build()));
            } else if (field.isRepeated()) {
                for (JsonNode element : value) {
                    message.addRepeatedField(field, single(field, element));
                }
            } else {
                message.setField(field, single(field, value));
            }
        }
        return message.build();
    }

    /** {@code message} as JSON, every field a record would write (proto3 defaults for unset scalars). */
    static ObjectNode toJson(Message message) {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        for (FieldDescriptor field : message.getDescriptorForType().getFields()) {
            if (field.isMapField()) {
                ObjectNode map = json.putObject(field.getJsonName());
                for (Object entry : (List<?>) message.getField(field)) {
                    Message pair = (Message) entry;
                    FieldDescriptor key = pair.getDescriptorForType().findFieldByNumber(1);
                    FieldDescriptor value = pair.getDescriptorForType().findFieldByNumber(2);
                    map.set(pair.getField(key).toString(), value(value, pair.getField(value)));
                }
            } else if (field.isRepeated()) {
                ArrayNode list = json.putArray(field.getJsonName());
                for (Object element : (List<?>) message.getField(field)) {
                    list.add(value(field, element));
                }
            } else if (!field.hasPresence() || message.hasField(field)) {
                json.set(field.getJsonName(), value(field, message.getField(field)));
            }
        }
        return json;
    }

    private static Object single(FieldDescriptor field, JsonNode value) {
        if (field.getJavaType() != FieldDescriptor.JavaType.MESSAGE) {
            return scalar(field, value);
        }
        return switch (field.getMessageType().getFullName()) {
            case TIMESTAMP -> {
                Instant instant = Instant.parse(value.asString());
                yield seconds(field.getMessageType(), instant.getEpochSecond(), instant.getNano());
            }
            case DURATION -> {
                Duration duration = value.isNumber()
                        ? Duration.ofNanos(value.decimalValue().movePointRight(9).longValueExact())
                        : Duration.parse(value.asString());
                yield seconds(field.getMessageType(), duration.getSeconds(), duration.getNano());
            }
            default -> toMessage(field.getMessageType(), value);
        };
    }

    private static Object scalar(FieldDescriptor field, JsonNode value) {
        return switch (field.getJavaType()) {
            case INT -> number(value).toBigIntegerExact().intValue();
            case LONG -> number(value).toBigIntegerExact().longValue();
            case FLOAT -> (float) value.asDouble();
            case DOUBLE -> value.asDouble();
            case BOOLEAN -> value.asBoolean();
            case STRING -> value.isNumber() ? value.decimalValue().toPlainString() : value.asString();
            case BYTE_STRING -> ByteString.copyFrom(Base64.getDecoder().decode(value.asString()));
            case ENUM -> enumValue(field.getEnumType(), value.asString());
            case MESSAGE -> throw new IllegalArgumentException(field.getFullName() + " is a message");
        };
    }

    /** A number as JSON carries it: a number, or a string for 64-bit integers and decimals. */
    private static BigDecimal number(JsonNode value) {
        return value.isNumber() ? value.decimalValue() : new BigDecimal(value.asString());
    }

    private static EnumValueDescriptor enumValue(EnumDescriptor type, String name) {
        EnumValueDescriptor value = type.findValueByName(ProtoNames.enumValue(type.getName(), name));
        if (value == null) {
            throw new ContractViolation(name + " is not a value of " + type.getName());
        }
        return value;
    }

    private static DynamicMessage seconds(Descriptor type, long seconds, int nanos) {
        return DynamicMessage.newBuilder(type)
                .setField(type.findFieldByName("seconds"), seconds)
                .setField(type.findFieldByName("nanos"), nanos)
                .build();
    }

    private static JsonNode value(FieldDescriptor field, Object value) {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        return switch (field.getJavaType()) {
            case INT -> integral(field.getType() == FieldDescriptor.Type.UINT32 || field.getType() == FieldDescriptor.Type.FIXED32
                    ? Integer.toUnsignedLong((Integer) value) : (Integer) value);
            case LONG -> (Long) value < 0 && (field.getType() == FieldDescriptor.Type.UINT64 || field.getType() == FieldDescriptor.Type.FIXED64)
                    ? nodes.numberNode(new BigInteger(Long.toUnsignedString((Long) value)))
                    : integral((Long) value);
            case FLOAT -> nodes.numberNode(Double.parseDouble(Float.toString((Float) value)));
            case DOUBLE -> nodes.numberNode((Double) value);
            case BOOLEAN -> nodes.booleanNode((Boolean) value);
            case STRING -> nodes.stringNode((String) value);
            case BYTE_STRING -> nodes.stringNode(Base64.getEncoder().encodeToString(((ByteString) value).toByteArray()));
            case ENUM -> {
                EnumValueDescriptor enumValue = (EnumValueDescriptor) value;
                String prefix = ProtoNames.enumPrefix(enumValue.getType().getName()) + "_";
                yield nodes.stringNode(enumValue.getName().startsWith(prefix)
                        ? enumValue.getName().substring(prefix.length()) : enumValue.getName());
            }
            case MESSAGE -> message((Message) value);
        };
    }

    /** As a JSON parser reads the number: an int node when it fits, else a long node. */
    private static JsonNode integral(long value) {
        return value == (int) value ? JsonNodeFactory.instance.numberNode((int) value) : JsonNodeFactory.instance.numberNode(value);
    }

    private static JsonNode message(Message value) {
        Descriptor type = value.getDescriptorForType();
        Map<FieldDescriptor, Object> fields = value.getAllFields();
        return switch (type.getFullName()) {
            case TIMESTAMP -> JsonNodeFactory.instance.stringNode(Instant.ofEpochSecond(
                    (Long) fields.getOrDefault(type.findFieldByName("seconds"), 0L),
                    (Integer) fields.getOrDefault(type.findFieldByName("nanos"), 0)).toString());
            case DURATION -> JsonNodeFactory.instance.stringNode(Duration.ofSeconds(
                    (Long) fields.getOrDefault(type.findFieldByName("seconds"), 0L),
                    (Integer) fields.getOrDefault(type.findFieldByName("nanos"), 0)).toString());
            default -> toJson(value);
        };
    }
}
