package dev.switchboard.codegen.protobuf;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import dev.switchboard.codegen.java.JavaNames;
import dev.switchboard.codegen.java.JavaTypes;
import dev.switchboard.contract.model.EnumType;
import dev.switchboard.contract.model.Field;
import dev.switchboard.contract.model.MessageType;
import dev.switchboard.contract.model.ScalarKind;
import dev.switchboard.contract.model.ServiceContract;
import dev.switchboard.contract.model.TypeRef;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javax.lang.model.element.Modifier;

/**
 * How each field of a record is written, sized and read: the one place that knows protobuf's
 * wire types and proto3's presence rules for every contract type.
 */
final class WireTypes {

    private static final String RUNTIME = "dev.switchboard.runtime.protobuf";
    static final ClassName PROTO_CODEC = ClassName.get(RUNTIME, "ProtoCodec");
    static final ClassName PROTO_TYPE = ClassName.get(RUNTIME, "ProtoType");
    static final ClassName PROTO_ENUM = ClassName.get(RUNTIME, "ProtoEnum");
    static final ClassName PROTO_TYPES = ClassName.get(RUNTIME, "ProtoTypes");
    static final ClassName PROTO_WIRE = ClassName.get(RUNTIME, "ProtoWire");
    static final ClassName CODED_OUTPUT = ClassName.get("com.google.protobuf", "CodedOutputStream");
    static final ClassName CODED_INPUT = ClassName.get("com.google.protobuf", "CodedInputStream");

    private static final int VARINT = 0;
    private static final int FIXED64 = 1;
    private static final int LENGTH_DELIMITED = 2;
    private static final int FIXED32 = 5;

    private final ServiceContract contract;
    private final JavaTypes types;

    WireTypes(ServiceContract contract) {
        this.contract = contract;
        this.types = new JavaTypes(contract);
    }

    /** One constant per enum or record type the fields use: {@code ORDER_STATUS = ProtoTypes.enumOf(…)}. */
    List<FieldSpec> constants(MessageType type) {
        Set<String> named = new LinkedHashSet<>();
        for (Field field : type.fields()) {
            collect(field.type(), named);
        }
        List<FieldSpec> constants = new ArrayList<>();
        for (String name : named) {
            ClassName javaType = JavaNames.type(contract, name);
            boolean isEnum = types.isEnum(new TypeRef.Named(name));
            CodeBlock initializer = isEnum
                    ? CodeBlock.of("$Z$>$>$T.enumOf($T::forNumber,$W$T::number,$W$T.UNSPECIFIED)$<$<", PROTO_TYPES, javaType, javaType, javaType)
                    : CodeBlock.of("$Z$T.message($T.INSTANCE)", PROTO_TYPES, ProtoCodecGenerator.codec(contract, name));
            constants.add(FieldSpec.builder(ParameterizedTypeName.get(isEnum ? PROTO_ENUM : PROTO_TYPE, javaType), constant(name),
                            Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
                    .initializer(initializer)
                    .build());
        }
        return constants;
    }

    private void collect(TypeRef type, Set<String> named) {
        if (type instanceof TypeRef.Named name) {
            named.add(name.name());
        } else if (type instanceof TypeRef.ListOf list) {
            collect(list.element(), named);
        } else if (type instanceof TypeRef.MapOf map) {
            collect(map.key(), named);
            collect(map.value(), named);
        }
    }

    /** {@code OrderItem} → {@code ORDER_ITEM}; never {@code INSTANCE}, which the codec itself uses. */
    private static String constant(String typeName) {
        String constant = typeName.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT);
        return constant.equals("INSTANCE") ? constant + "_" : constant;
    }

    /** The {@code ProtoType} of one value: {@code ProtoTypes.STRING}, or a constant of this codec. */
    CodeBlock type(TypeRef type) {
        if (type instanceof TypeRef.Named named) {
            return CodeBlock.of("$L", constant(named.name()));
        }
        return CodeBlock.of("$T.$L", PROTO_TYPES, ((TypeRef.Scalar) type).kind().name());
    }

    /** Writes one field; {@code unknown} is the record's kept unknown fields, for enum numbers. */
    CodeBlock write(Field field, CodeBlock value, CodeBlock unknown) {
        return access("write", field, value, unknown, CodeBlock.of("out,$W"));
    }

    CodeBlock size(Field field, CodeBlock value, CodeBlock unknown) {
        return access("size", field, value, unknown, CodeBlock.of(""));
    }

    private CodeBlock access(String verb, Field field, CodeBlock value, CodeBlock unknown, CodeBlock out) {
        int number = field.tag();
        TypeRef type = field.type();
        if (type instanceof TypeRef.ListOf list) {
            return CodeBlock.of("$T.$LList($L$L,$W$L,$W$L)", PROTO_WIRE, verb, out, number, value, type(list.element()));
        }
        if (type instanceof TypeRef.MapOf map) {
            return CodeBlock.of("$T.$LMap($L$L,$W$L,$W$L,$W$L)", PROTO_WIRE, verb, out, number, value,
                    type(map.key()), type(map.value()));
        }
        String primitive = primitive(field);
        if (primitive != null) {
            return CodeBlock.of("$T.$L$L($L$L,$W$L)", PROTO_WIRE, verb, primitive, out, number, value);
        }
        if (!field.optional() && type instanceof TypeRef.Scalar scalar && scalar.kind() == ScalarKind.STRING) {
            return CodeBlock.of("$T.$LString($L$L,$W$L)", PROTO_WIRE, verb, out, number, value);
        }
        if (types.isEnum(type)) {
            return field.optional()
                    ? CodeBlock.of("$T.$LPresentEnum($L$L,$W$L,$W$L,$W$L)", PROTO_WIRE, verb, out, number, value, type(type), unknown)
                    : CodeBlock.of("$T.$LEnum($L$L,$W$L.number(),$W$L)", PROTO_WIRE, verb, out, number, value, unknown);
        }
        String how = field.optional() || hasPresence(type) ? "Present" : "Singular";
        return CodeBlock.of("$T.$L$L($L$L,$W$L,$W$L)", PROTO_WIRE, verb, how, out, number, value, type(type));
    }

    /** Records, timestamps, durations and decimals are absent when null, whatever the optional flag says. */
    private boolean hasPresence(TypeRef type) {
        if (type instanceof TypeRef.Scalar scalar) {
            return scalar.kind() == ScalarKind.TIMESTAMP || scalar.kind() == ScalarKind.DURATION
                    || scalar.kind() == ScalarKind.DECIMAL;
        }
        return types.isMessage(type);
    }

    /** {@code Int32} for a non-optional int32 field: one written with the unboxed helpers; else null. */
    private static String primitive(Field field) {
        if (field.optional() || !(field.type() instanceof TypeRef.Scalar scalar)) {
            return null;
        }
        return switch (scalar.kind()) {
            case INT32 -> "Int32";
            case INT64 -> "Int64";
            case UINT32 -> "UInt32";
            case UINT64 -> "UInt64";
            case BOOL -> "Bool";
            case FLOAT -> "Float";
            case DOUBLE -> "Double";
            default -> null;
        };
    }

    /** The local's starting value: empty collections, the primitive zero, else null (the record fills defaults). */
    CodeBlock initial(Field field) {
        if (field.type() instanceof TypeRef.ListOf) {
            return CodeBlock.of("new $T<>()", ArrayList.class);
        }
        if (field.type() instanceof TypeRef.MapOf) {
            return CodeBlock.of("new $T<>()", LinkedHashMap.class);
        }
        String primitive = primitive(field);
        if (primitive == null) {
            return CodeBlock.of("null");
        }
        return switch (primitive) {
            case "Int64", "UInt64" -> CodeBlock.of("0L");
            case "Bool" -> CodeBlock.of("false");
            case "Float" -> CodeBlock.of("0f");
            case "Double" -> CodeBlock.of("0d");
            default -> CodeBlock.of("0");
        };
    }

    /** The tag values a field may arrive under: a packable list both packed and one by one. */
    CodeBlock tags(Field field) {
        int number = field.tag();
        if (field.type() instanceof TypeRef.ListOf list && wireType(list.element()) != LENGTH_DELIMITED) {
            return CodeBlock.of("$L,$W$L", tag(number, LENGTH_DELIMITED), tag(number, wireType(list.element())));
        }
        if (field.type() instanceof TypeRef.ListOf || field.type() instanceof TypeRef.MapOf) {
            return CodeBlock.of("$L", tag(number, LENGTH_DELIMITED));
        }
        return CodeBlock.of("$L", tag(number, wireType(field.type())));
    }

    /**
     * Reads one field into {@code local}. Enum numbers this version does not know are kept in the
     * local {@code unknown}; a singular enum takes statements of its own, see {@link #readEnum}.
     */
    CodeBlock read(Field field, String local) {
        TypeRef type = field.type();
        if (type instanceof TypeRef.ListOf list) {
            return types.isEnum(list.element())
                    ? CodeBlock.of("unknown = $T.readEnumListElement(in,$Wtag,$W$L,$W$L,$Wunknown)", PROTO_WIRE, local, type(list.element()))
                    : CodeBlock.of("$T.readListElement(in,$Wtag,$W$L,$W$L)", PROTO_WIRE, local, type(list.element()));
        }
        if (type instanceof TypeRef.MapOf map) {
            return types.isEnum(map.value())
                    ? CodeBlock.of("unknown = $T.readEnumMapEntry(in,$Wtag,$W$L,$W$L,$W$L,$Wunknown)", PROTO_WIRE, local,
                            type(map.key()), type(map.value()))
                    : CodeBlock.of("$T.readMapEntry(in,$W$L,$W$L,$W$L)", PROTO_WIRE, local, type(map.key()), type(map.value()));
        }
        String primitive = primitive(field);
        if (primitive != null) {
            return CodeBlock.of("$L = in.read$L()", local, primitive);
        }
        if (type instanceof TypeRef.Scalar scalar && scalar.kind() == ScalarKind.STRING) {
            return CodeBlock.of("$L = in.readStringRequireUtf8()", local);
        }
        return CodeBlock.of("$L = $L.readNoTag(in)", local, type(type));
    }

    /** Whether the field is one enum value, read by {@link #readEnum}. */
    boolean isSingularEnum(Field field) {
        return types.isEnum(field.type());
    }

    /** A singular enum: its value, and the number it arrived with when the enum does not know it. */
    CodeBlock readEnum(Field field, String local) {
        TypeName enumType = types.of(field.type());
        return CodeBlock.builder()
                .addStatement("int number = in.readEnum()")
                .addStatement("$L = $T.forNumber(number)", local, enumType)
                .beginControlFlow("if ($L == $T.UNRECOGNIZED)", local, enumType)
                .addStatement("unknown = unknown.withEnumNumber($L,$Wnumber)", field.tag())
                .endControlFlow()
                .build();
    }

    private int wireType(TypeRef type) {
        if (type instanceof TypeRef.Scalar scalar) {
            return switch (scalar.kind()) {
                case BOOL, INT32, INT64, UINT32, UINT64 -> VARINT;
                case FLOAT -> FIXED32;
                case DOUBLE -> FIXED64;
                default -> LENGTH_DELIMITED;
            };
        }
        return contract.type(((TypeRef.Named) type).name()).orElseThrow() instanceof EnumType ? VARINT : LENGTH_DELIMITED;
    }

    private static int tag(int number, int wireType) {
        return (number << 3) | wireType;
    }
}
