package dev.switchboard.codegen.java;

import com.palantir.javapoet.ClassName;
import dev.switchboard.contract.model.ErrorDefinition;
import dev.switchboard.contract.model.Field;
import dev.switchboard.contract.model.Operation;
import dev.switchboard.contract.model.ServiceContract;
import java.util.Collection;
import java.util.Locale;
import java.util.Set;
import javax.lang.model.SourceVersion;

/**
 * The one naming authority for generated Java: every identifier taken from a contract goes through
 * here, so a field called {@code class} or {@code builder} never breaks generated code and every
 * generator agrees on the name of every type, component and method.
 */
public final class JavaNames {

    /**
     * Names a record component or interface method may not take even though they are legal
     * identifiers: they would clash with members of {@code Object}, of records, or with members
     * Switchboard generates.
     */
    private static final Set<String> RESERVED_MEMBERS = Set.of(
            "hashCode", "toString", "equals", "getClass", "notify", "notifyAll", "wait", "clone", "finalize",
            "builder", "toBuilder", "validate");

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

    /** The record component (and builder setter) of a field: its contract name, escaped. */
    public static String component(Field field) {
        return member(field.name());
    }

    /** The interface method of an operation: its contract name, escaped. */
    public static String method(Operation operation) {
        return member(operation.name());
    }

    /** A constructor parameter for an error message placeholder: its name, escaped. */
    public static String parameter(String placeholder) {
        return SourceVersion.isName(placeholder) ? placeholder : placeholder + "_";
    }

    /** Whether the Java name differs from the contract name, so JSON must be told the contract name. */
    public static boolean isEscaped(Field field) {
        return !component(field).equals(field.name());
    }

    /** {@code unitPrice} → {@code UNIT_PRICE_PATTERN}, the precompiled pattern constant of a field. */
    public static String patternConstant(Field field) {
        return upperSnake(field.name()) + "_PATTERN";
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
