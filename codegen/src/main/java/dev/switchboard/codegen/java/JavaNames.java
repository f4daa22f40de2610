package dev.switchboard.codegen.java;

import com.palantir.javapoet.ClassName;
import dev.switchboard.contract.model.ErrorDefinition;
import dev.switchboard.contract.model.Field;
import dev.switchboard.contract.model.MessageType;
import dev.switchboard.contract.model.Operation;
import dev.switchboard.contract.model.ServiceContract;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javax.lang.model.SourceVersion;

/**
 * The one naming authority for generated Java: every identifier taken from a contract goes through
 * here, so a field called {@code class} or {@code builder} never breaks generated code and every
 * generator agrees on the name of every type, component and method.
 */
public final class JavaNames {

    /** The last component of every record: what a protobuf reader kept that the contract does not know. */
    public static final String UNKNOWN_FIELDS = "unknownFields";

    /**
     * Names a record component or interface method may not take even though they are legal
     * identifiers: they would clash with members of {@code Object}, of records, or with members
     * Switchboard generates.
     */
    private static final Set<String> RESERVED_MEMBERS = Set.of(
            "hashCode", "toString", "equals", "getClass", "notify", "notifyAll", "wait", "clone", "finalize",
            "builder", "toBuilder", "validate", UNKNOWN_FIELDS,
            // Roots of the packages generated method bodies may spell out in full (java.lang.String
            // when a contract type is named String): a component of that name would hide them.
            "java", "dev");

    /**
     * Names an error constructor's body refers to: a placeholder parameter of one of these names
     * would hide the type, the constant or the package root the body means.
     */
    private static final Set<String> CONSTRUCTOR_NAMES =
            Set.of("ERROR_NAME", "ErrorCode", "Map", "String", "java", "dev");

    /** The nested builder class of a record with many fields. */
    private static final String BUILDER = "Builder";

    private JavaNames() {}

    /** The generated type of a contract message or enum. */
    public static ClassName type(ServiceContract contract, String typeName) {
        return ClassName.get(contract.javaPackage(), typeName);
    }

    /** {@code OrderNotFound} → {@code OrderNotFoundException}. */
    public static ClassName exception(ServiceContract contract, ErrorDefinition error) {
        return ClassName.get(contract.javaPackage(), error.name() + "Exception");
    }

    /** {@code Orders} → {@code OrdersService}, what a server implements. */
    public static ClassName serviceInterface(ServiceContract contract) {
        return ClassName.get(contract.javaPackage(), contract.service() + "Service");
    }

    /** {@code Orders} → {@code OrdersClient}, what a caller uses. */
    public static ClassName clientInterface(ServiceContract contract) {
        return ClassName.get(contract.javaPackage(), contract.service() + "Client");
    }

    /**
     * The simple names of every top-level class generated from the contract: all of them live in
     * one package, where they hide same-named classes of {@code java.lang}, so a generated file
     * writes those (e.g. {@code java.lang.String}) in full.
     */
    /** {@code <Service>Operations}: the transport-neutral descriptors of the operations. */
    public static ClassName operations(ServiceContract contract) {
        return ClassName.get(contract.javaPackage(), contract.service() + "Operations");
    }

    /** {@code <Service>ClientFallback}: the degradation a user may provide for client calls. */
    public static ClassName clientFallback(ServiceContract contract) {
        return ClassName.get(contract.javaPackage(), contract.service() + "ClientFallback");
    }

    /** {@code getOrder} → {@code GET_ORDER}, the descriptor constant of an operation. */
    /** {@code OrderHistory} → {@code orderHistory}: the prefix of generated configurations' bean method names. */
    public static String beanPrefix(ServiceContract contract) {
        String service = contract.service();
        return Character.toLowerCase(service.charAt(0)) + service.substring(1);
    }

    public static String operationConstant(Operation operation) {
        return upperSnake(operation.name());
    }

    public static Set<String> classNames(ServiceContract contract) {
        Set<String> names = new LinkedHashSet<>();
        contract.types().forEach(type -> names.add(type.name()));
        contract.errors().forEach(error -> names.add(exception(contract, error).simpleName()));
        names.add(serviceInterface(contract).simpleName());
        names.add(clientInterface(contract).simpleName());
        return names;
    }

    /**
     * The nested builder of {@code record}: {@code Builder}, unless the contract declares a type of
     * that name, which inside the record the nested class would hide.
     */
    public static ClassName builder(ServiceContract contract, ClassName record) {
        return record.nestedClass(unused(BUILDER, classNames(contract)));
    }

    /** The record component (and builder setter) of a field: its contract name, escaped. */
    public static String component(Field field) {
        return member(field.name());
    }

    /** The interface method of an operation: its contract name, escaped. */
    public static String method(Operation operation) {
        return member(operation.name());
    }

    /**
     * The constructor parameter of each error message placeholder, in order: its name, escaped when
     * it is a keyword or would hide a name the constructor uses, and kept apart from the others
     * ({@code {class}} and {@code {class_}} both want {@code class_}).
     */
    public static Map<String, String> parameters(List<String> placeholders) {
        Map<String, String> parameters = new LinkedHashMap<>();
        for (String placeholder : placeholders) {
            String escaped = SourceVersion.isName(placeholder) && !CONSTRUCTOR_NAMES.contains(placeholder)
                    ? placeholder : placeholder + "_";
            parameters.put(placeholder, unused(escaped, parameters.values()));
        }
        return parameters;
    }

    /** Whether the Java name differs from the contract name, so JSON must be told the contract name. */
    public static boolean isEscaped(Field field) {
        return !component(field).equals(field.name());
    }

    /** {@code unitPrice} → {@code UNIT_PRICE_PATTERN}, the precompiled pattern constant of a field. */
    public static String patternConstant(Field field) {
        return upperSnake(field.name()) + "_PATTERN";
    }

    /**
     * The pattern constant of each field of {@code type} that has a pattern, by field name, kept
     * apart: {@code aBCd} and {@code aBcd} both want {@code A_BCD_PATTERN}.
     */
    public static Map<String, String> patternConstants(MessageType type) {
        Map<String, String> constants = new LinkedHashMap<>();
        for (Field field : type.fields()) {
            if (field.constraints() != null && field.constraints().pattern() != null) {
                constants.put(field.name(), unused(patternConstant(field), constants.values()));
            }
        }
        return constants;
    }

    /** {@code preferred}, or it with underscores appended until it clashes with none of {@code taken}. */
    public static String unused(String preferred, Collection<String> taken) {
        String name = preferred;
        while (taken.contains(name)) {
            name += "_";
        }
        return name;
    }

    private static String member(String contractName) {
        if (!SourceVersion.isName(contractName) || RESERVED_MEMBERS.contains(contractName)) {
            return contractName + "_";
        }
        return contractName;
    }

    private static String upperSnake(String camelCase) {
        return camelCase.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT);
    }
}
