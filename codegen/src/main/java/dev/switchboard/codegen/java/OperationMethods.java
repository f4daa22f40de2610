package dev.switchboard.codegen.java;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.switchboard.contract.model.ErrorDefinition;
import dev.switchboard.contract.model.Operation;
import dev.switchboard.contract.model.ServiceContract;
import java.util.List;
import java.util.function.BiConsumer;
import javax.lang.model.element.Modifier;

/** What the service and client interfaces share: the method skeleton of an operation and its javadoc. */
final class OperationMethods {

    private final ServiceContract contract;

    OperationMethods(ServiceContract contract) {
        this.contract = contract;
    }

    /**
     * A public interface with one method per operation, documented by the contract's description and
     * {@code purpose}; {@code shape} gives each method its parameters and return type.
     */
    TypeSpec.Builder operationsInterface(
            ClassName name, String purpose, BiConsumer<MethodSpec.Builder, Operation> shape) {
        return operationsInterface(name, purpose, contract.operations(), shape);
    }

    /** The same for some of the contract's operations. */
    TypeSpec.Builder operationsInterface(ClassName name, String purpose, List<Operation> operations,
            BiConsumer<MethodSpec.Builder, Operation> shape) {
        TypeSpec.Builder spec = TypeSpec.interfaceBuilder(name).addModifiers(Modifier.PUBLIC);
        if (Javadocs.present(contract.description())) {
            spec.addJavadoc("$L\n\n<p>", Javadocs.text(contract.description()));
        }
        spec.addJavadoc("$L\n", purpose);
        for (Operation operation : operations) {
            MethodSpec.Builder method = method(operation);
            shape.accept(method, operation);
            spec.addMethod(method.build());
        }
        return spec;
    }

    /** An abstract public method named after the operation, with its doc and {@code @throws} tags. */
    MethodSpec.Builder method(Operation operation) {
        return MethodSpec.methodBuilder(JavaNames.method(operation))
                .addModifiers(Modifier.PUBLIC, Modifier.ABSTRACT)
                .addJavadoc(javadoc(operation));
    }

    ClassName input(Operation operation) {
        return JavaNames.type(contract, operation.input());
    }

    ClassName output(Operation operation) {
        return JavaNames.type(contract, operation.output());
    }

    static TypeName generic(ClassName raw, TypeName... arguments) {
        return ParameterizedTypeName.get(raw, arguments);
    }

    CodeBlock javadoc(Operation operation) {
        CodeBlock.Builder doc = CodeBlock.builder();
        if (Javadocs.present(operation.doc())) {
            doc.add("$L\n", Javadocs.text(operation.doc()));
            if (!operation.errors().isEmpty()) {
                doc.add("\n");
            }
        }
        for (String errorName : operation.errors()) {
            ErrorDefinition error = contract.error(errorName).orElseThrow(
                    () -> new IllegalArgumentException("operation " + operation.name() + " names unknown error " + errorName));
            doc.add("@throws $T $L\n", JavaNames.exception(contract, error), throwsText(error));
        }
        return doc.build();
    }

    /** The error's doc; without one, its code and message template. */
    private static String throwsText(ErrorDefinition error) {
        if (Javadocs.present(error.doc())) {
            return Javadocs.text(error.doc());
        }
        String text = "{@code " + error.code() + "}";
        return error.message() == null ? text : text + ": " + Javadocs.text(error.message());
    }
}
