package dev.switchboard.codegen.protobuf;

import com.google.protobuf.DescriptorProtos.DescriptorProto;
import com.google.protobuf.DescriptorProtos.EnumDescriptorProto;
import com.google.protobuf.DescriptorProtos.EnumValueDescriptorProto;
import com.google.protobuf.DescriptorProtos.FieldDescriptorProto;
import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.google.protobuf.DescriptorProtos.FileOptions;
import com.google.protobuf.DescriptorProtos.MessageOptions;
import com.google.protobuf.DescriptorProtos.MethodDescriptorProto;
import com.google.protobuf.DescriptorProtos.OneofDescriptorProto;
import com.google.protobuf.DescriptorProtos.ServiceDescriptorProto;
import dev.switchboard.contract.ProtoNames;
import dev.switchboard.contract.model.EnumType;
import dev.switchboard.contract.model.EnumValue;
import dev.switchboard.contract.model.Field;
import dev.switchboard.contract.model.MessageType;
import dev.switchboard.contract.model.Operation;
import dev.switchboard.contract.model.ScalarKind;
import dev.switchboard.contract.model.ServiceContract;
import dev.switchboard.contract.model.TagRange;
import dev.switchboard.contract.model.TypeDefinition;
import dev.switchboard.contract.model.TypeRef;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The contract as the {@code FileDescriptorProto} protoc would produce from the exported
 * {@code .proto} (comments aside): what gRPC reflection serves, built without protoc.
 */
public final class FileDescriptors {

    static final String TIMESTAMP_FILE = "google/protobuf/timestamp.proto";
    static final String DURATION_FILE = "google/protobuf/duration.proto";

    private FileDescriptors() {}

    public static FileDescriptorProto of(ServiceContract contract) {
        String pkg = contract.javaPackage();
        FileDescriptorProto.Builder file = FileDescriptorProto.newBuilder()
                .setName(ProtoNames.fileName(contract.service()))
                .setPackage(pkg)
                .setSyntax("proto3")
                .setOptions(FileOptions.newBuilder()
                        .setJavaPackage(pkg + ".protobuf")
                        .setJavaMultipleFiles(true));
        if (uses(contract, ScalarKind.DURATION)) {
            file.addDependency(DURATION_FILE);
        }
        if (uses(contract, ScalarKind.TIMESTAMP)) {
            file.addDependency(TIMESTAMP_FILE);
        }
        for (TypeDefinition type : contract.types()) {
            if (type instanceof MessageType message) {
                file.addMessageType(message(contract, message));
            } else {
                file.addEnumType(enumeration((EnumType) type));
            }
        }
        if (!contract.operations().isEmpty()) {
            ServiceDescriptorProto.Builder service = ServiceDescriptorProto.newBuilder().setName(contract.service());
            for (Operation operation : contract.operations()) {
                MethodDescriptorProto.Builder method = MethodDescriptorProto.newBuilder()
                        .setName(ProtoNames.methodName(operation.name()))
                        .setInputType("." + pkg + "." + operation.input())
                        .setOutputType("." + pkg + "." + operation.output());
                if (operation.inputStream()) {
                    method.setClientStreaming(true);
                }
                if (operation.outputStream()) {
                    method.setServerStreaming(true);
                }
                service.addMethod(method);
            }
            file.addService(service);
        }
        return file.build();
    }

    private static DescriptorProto message(ServiceContract contract, MessageType message) {
        DescriptorProto.Builder descriptor = DescriptorProto.newBuilder().setName(message.name());
        List<OneofDescriptorProto> synthetic = new ArrayList<>();
        for (Field field : message.fields()) {
            String name = ProtoNames.fieldName(field.name());
            FieldDescriptorProto.Builder proto = FieldDescriptorProto.newBuilder()
                    .setName(name)
                    .setNumber(field.tag())
                    .setJsonName(jsonName(name));
            TypeRef type = field.type();
            if (type instanceof TypeRef.ListOf list) {
                proto.setLabel(FieldDescriptorProto.Label.LABEL_REPEATED);
                single(contract, proto, list.element());
            } else if (type instanceof TypeRef.MapOf map) {
                String entry = mapEntryName(name);
                descriptor.addNestedType(DescriptorProto.newBuilder()
                        .setName(entry)
                        .addField(entryField(contract, "key", 1, map.key()))
                        .addField(entryField(contract, "value", 2, map.value()))
                        .setOptions(MessageOptions.newBuilder().setMapEntry(true)));
                proto.setLabel(FieldDescriptorProto.Label.LABEL_REPEATED)
                        .setType(FieldDescriptorProto.Type.TYPE_MESSAGE)
                        .setTypeName("." + contract.javaPackage() + "." + message.name() + "." + entry);
            } else {
                proto.setLabel(FieldDescriptorProto.Label.LABEL_OPTIONAL);
                single(contract, proto, type);
                if (field.optional() && hasOptionalKeyword(contract, type)) {
                    proto.setProto3Optional(true).setOneofIndex(synthetic.size());
                    synthetic.add(OneofDescriptorProto.newBuilder().setName("_" + name).build());
                }
            }
            descriptor.addField(proto);
        }
        descriptor.addAllOneofDecl(synthetic);
        for (TagRange range : message.reserved()) {
            descriptor.addReservedRange(DescriptorProto.ReservedRange.newBuilder()
                    .setStart(range.from()).setEnd(range.to() + 1));
        }
        return descriptor.build();
    }

    private static FieldDescriptorProto entryField(ServiceContract contract, String name, int number, TypeRef type) {
        FieldDescriptorProto.Builder field = FieldDescriptorProto.newBuilder()
                .setName(name).setNumber(number).setJsonName(name)
                .setLabel(FieldDescriptorProto.Label.LABEL_OPTIONAL);
        single(contract, field, type);
        return field.build();
    }

    private static void single(ServiceContract contract, FieldDescriptorProto.Builder field, TypeRef type) {
        if (type instanceof TypeRef.Scalar scalar) {
            switch (scalar.kind()) {
                case TIMESTAMP -> field.setType(FieldDescriptorProto.Type.TYPE_MESSAGE).setTypeName(".google.protobuf.Timestamp");
                case DURATION -> field.setType(FieldDescriptorProto.Type.TYPE_MESSAGE).setTypeName(".google.protobuf.Duration");
                case DECIMAL -> field.setType(FieldDescriptorProto.Type.TYPE_STRING);
                default -> field.setType(FieldDescriptorProto.Type.valueOf(
                        "TYPE_" + scalar.kind().contractName().toUpperCase(Locale.ROOT)));
            }
        } else if (type instanceof TypeRef.Named named) {
            boolean isEnum = contract.type(named.name()).orElse(null) instanceof EnumType;
            field.setType(isEnum ? FieldDescriptorProto.Type.TYPE_ENUM : FieldDescriptorProto.Type.TYPE_MESSAGE)
                    .setTypeName("." + contract.javaPackage() + "." + named.name());
        } else {
            throw new IllegalArgumentException("protobuf cannot express " + type.spelling() + " here");
        }
    }

    private static EnumDescriptorProto enumeration(EnumType type) {
        EnumDescriptorProto.Builder descriptor = EnumDescriptorProto.newBuilder()
                .setName(type.name())
                .addValue(EnumValueDescriptorProto.newBuilder()
                        .setName(ProtoNames.enumValue(type.name(), EnumType.UNSPECIFIED)).setNumber(0));
        for (EnumValue value : type.values()) {
            descriptor.addValue(EnumValueDescriptorProto.newBuilder()
                    .setName(ProtoNames.enumValue(type.name(), value.name())).setNumber(value.number()));
        }
        for (TagRange range : type.reserved()) {
            // Enum reserved ranges are inclusive at both ends, unlike message ones.
            descriptor.addReservedRange(EnumDescriptorProto.EnumReservedRange.newBuilder()
                    .setStart(range.from()).setEnd(range.to()));
        }
        return descriptor.build();
    }

    /** Message and enum fields have presence already; scalars and enums need {@code optional}. */
    private static boolean hasOptionalKeyword(ServiceContract contract, TypeRef type) {
        if (type instanceof TypeRef.Scalar scalar) {
            return scalar.kind() != ScalarKind.TIMESTAMP && scalar.kind() != ScalarKind.DURATION;
        }
        return type instanceof TypeRef.Named named && contract.type(named.name()).orElse(null) instanceof EnumType;
    }

    private static boolean uses(ServiceContract contract, ScalarKind kind) {
        return contract.messageTypes().stream().flatMap(m -> m.fields().stream()).anyMatch(f -> mentions(f.type(), kind));
    }

    private static boolean mentions(TypeRef type, ScalarKind kind) {
        if (type instanceof TypeRef.ListOf list) {
            return mentions(list.element(), kind);
        }
        if (type instanceof TypeRef.MapOf map) {
            return mentions(map.key(), kind) || mentions(map.value(), kind);
        }
        return type instanceof TypeRef.Scalar scalar && scalar.kind() == kind;
    }

    /** protoc's JSON name: underscores dropped, the letter after each one upper-cased. */
    static String jsonName(String fieldName) {
        StringBuilder out = new StringBuilder(fieldName.length());
        boolean upper = false;
        for (char c : fieldName.toCharArray()) {
            if (c == '_') {
                upper = true;
            } else {
                out.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return out.toString();
    }

    /** protoc's map entry type: the field name in upper camel case plus {@code Entry}. */
    static String mapEntryName(String fieldName) {
        String camel = jsonName(fieldName);
        return Character.toUpperCase(camel.charAt(0)) + camel.substring(1) + "Entry";
    }
}
