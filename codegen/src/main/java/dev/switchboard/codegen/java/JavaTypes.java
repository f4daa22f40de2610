package dev.switchboard.codegen.java;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import dev.switchboard.contract.model.EnumType;
import dev.switchboard.contract.model.Field;
import dev.switchboard.contract.model.MessageType;
import dev.switchboard.contract.model.ScalarKind;
import dev.switchboard.contract.model.ServiceContract;
import dev.switchboard.contract.model.TypeRef;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Maps contract types to Java types. An optional field gets the boxed (nullable) type; lists and
 * maps are never null, so {@code optional} does not change them (empty is their absent value).
 */
public final class JavaTypes {

    private final ServiceContract contract;

    public JavaTypes(ServiceContract contract) {
        this.contract = contract;
    }

    /** The type of the record component that holds {@code field}. */
    public TypeName of(Field field) {
        TypeName type = of(field.type());
        return field.optional() ? type.box() : type;
    }

    public TypeName of(TypeRef type) {
        if (type instanceof TypeRef.Scalar scalar) {
            return of(scalar.kind());
        }
        if (type instanceof TypeRef.ListOf list) {
            return ParameterizedTypeName.get(ClassName.get(List.class), of(list.element()).box());
        }
        if (type instanceof TypeRef.MapOf map) {
            return ParameterizedTypeName.get(ClassName.get(Map.class), of(map.key()).box(), of(map.value()).box());
        }
        return JavaNames.type(contract, ((TypeRef.Named) type).name());
    }

    /** Whether the field holds a named message type (a nested record). */
    public boolean isMessage(TypeRef type) {
        return type instanceof TypeRef.Named named && contract.type(named.name()).orElse(null) instanceof MessageType;
    }

    public boolean isEnum(TypeRef type) {
        return type instanceof TypeRef.Named named && contract.type(named.name()).orElse(null) instanceof EnumType;
    }

    /** Whether the record of {@code type} has {@code builder()} and {@code toBuilder()}. */
    public static boolean hasBuilder(MessageType type) {
        return RecordBuilder.wanted(type);
    }

    public static Optional<ScalarKind> scalar(TypeRef type) {
        return type instanceof TypeRef.Scalar scalar ? Optional.of(scalar.kind()) : Optional.empty();
    }

    /** Whether the Java component is a primitive ({@code int}, {@code boolean}, ...). */
    boolean isPrimitive(Field field) {
        return of(field).isPrimitive();
    }

    private static TypeName of(ScalarKind kind) {
        return switch (kind) {
            case BOOL -> TypeName.BOOLEAN;
            case INT32, UINT32 -> TypeName.INT;
            case INT64, UINT64 -> TypeName.LONG;
            case FLOAT -> TypeName.FLOAT;
            case DOUBLE -> TypeName.DOUBLE;
            case STRING -> ClassName.get(String.class);
            case BYTES -> RuntimeTypes.BYTES;
            case TIMESTAMP -> ClassName.get(Instant.class);
            case DURATION -> ClassName.get(Duration.class);
            case DECIMAL -> ClassName.get(BigDecimal.class);
        };
    }
}
