package dev.switchboard.codegen.rest;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import dev.switchboard.codegen.java.JavaNames;
import dev.switchboard.codegen.java.JavaTypes;
import dev.switchboard.contract.model.Field;
import dev.switchboard.contract.model.HttpBinding;
import dev.switchboard.contract.model.ServiceContract;
import dev.switchboard.contract.model.TypeRef;

/**
 * How each input field travels in a URL, the one decision both the controller and the client
 * generators read: as a path variable, a plain query parameter, a repeated one, or (objects and
 * maps have no plain query form) one JSON-valued parameter; and which {@code RestValues}
 * constant spells it.
 */
final class UrlValues {

    enum Placement { PATH, QUERY, QUERY_LIST, QUERY_JSON }

    private final ServiceContract contract;
    private final JavaTypes types;

    UrlValues(ServiceContract contract) {
        this.contract = contract;
        this.types = new JavaTypes(contract);
    }

    Placement placement(HttpBinding http, Field field) {
        if (http.pathVariables().contains(field.name())) {
            return Placement.PATH;
        }
        if (isPlain(field.type())) {
            return Placement.QUERY;
        }
        if (field.type() instanceof TypeRef.ListOf list && isPlain(list.element())) {
            return Placement.QUERY_LIST;
        }
        return Placement.QUERY_JSON;
    }

    /** {@code RestValues.INT32}, {@code RestValues.enumOf(OrderStatus.class)}: the spelling of a plain value. */
    CodeBlock spelling(TypeRef type) {
        if (type instanceof TypeRef.ListOf list) {
            return spelling(list.element());
        }
        if (types.isEnum(type)) {
            return CodeBlock.of("$T.enumOf($T.class)", RestTypes.REST_VALUES,
                    JavaNames.type(contract, ((TypeRef.Named) type).name()));
        }
        String constant = switch (((TypeRef.Scalar) type).kind()) {
            case BOOL -> "BOOL";
            case INT32 -> "INT32";
            case INT64 -> "INT64";
            case UINT32 -> "UINT32";
            case UINT64 -> "UINT64";
            case FLOAT -> "FLOAT";
            case DOUBLE -> "DOUBLE";
            case STRING -> "STRING";
            case BYTES -> "BYTES";
            case TIMESTAMP -> "TIMESTAMP";
            case DURATION -> "DURATION";
            case DECIMAL -> "DECIMAL";
        };
        return CodeBlock.of("$T.$L", RestTypes.REST_VALUES, constant);
    }

    /** {@code new TypeReference<Map<String, Long>>() {}}: how a JSON-valued parameter is read. */
    CodeBlock typeReference(Field field) {
        TypeName type = types.of(field.type()).box();
        return CodeBlock.of("new $T() {}", ParameterizedTypeName.get(RestTypes.TYPE_REFERENCE, type));
    }

    private boolean isPlain(TypeRef type) {
        return type instanceof TypeRef.Scalar || types.isEnum(type);
    }
}
