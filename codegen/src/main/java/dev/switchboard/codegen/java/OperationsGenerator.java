package dev.switchboard.codegen.java;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.switchboard.codegen.ContractInput;
import dev.switchboard.codegen.GeneratedFile;
import dev.switchboard.codegen.OutputGenerator;
import dev.switchboard.codegen.Role;
import dev.switchboard.contract.model.ErrorDefinition;
import dev.switchboard.contract.model.Operation;
import dev.switchboard.contract.model.Policies;
import dev.switchboard.contract.model.ServiceContract;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.Modifier;

/**
 * {@code <Service>Operations}: one descriptor per operation (name, idempotency, shape and the
 * contract's effective policy) and the decoder that turns an error name from the wire back into
 * the contract's exception. Every transport's adapters share it, so the contract's policies are
 * stated once in generated code: the service's defaults in {@code DEFAULTS}, then each operation's
 * overrides by name ({@code DEFAULTS.withTimeout(Duration.ofMillis(500))}). Who may call each
 * operation is stated the same way, on the descriptor both server transports authorize with.
 */
public final class OperationsGenerator implements OutputGenerator {

    private static final ClassName DESCRIPTOR = RuntimeTypes.OPERATION_DESCRIPTOR;
    private static final String DEFAULTS = "DEFAULTS";

    @Override
    public boolean appliesTo(ContractInput input) {
        return input.has(Role.SERVER) || input.has(Role.CLIENT);
    }

    @Override
    public List<GeneratedFile> generate(ContractInput input) {
        ServiceContract contract = input.contract();
        TypeSpec.Builder spec = TypeSpec.classBuilder(JavaNames.operations(contract))
                .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
                .addJavadoc("The operations of {@code $L} as every transport sees them: names, idempotency, shape and\n"
                        + "the contract's policies (service defaults merged with each operation's overrides).\n",
                        contract.service())
                .addField(FieldSpec.builder(String.class, "SERVICE", Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
                        .initializer("$S", contract.service())
                        .build())
                .addField(FieldSpec.builder(PolicyLiterals.SETTINGS, DEFAULTS,
                                Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
                        .addJavadoc("The contract's {@code policies}: what every operation has unless it says otherwise.\n")
                        .initializer(PolicyLiterals.settings(contract.policies()))
                        .build());
        CodeBlock.Builder all = CodeBlock.builder();
        for (Operation operation : contract.operations()) {
            spec.addField(descriptor(contract, operation));
            all.add(all.isEmpty() ? "$L" : ",$W$L", JavaNames.operationConstant(operation));
        }
        spec.addField(FieldSpec.builder(
                        ParameterizedTypeName.get(ClassName.get(List.class), DESCRIPTOR), "ALL",
                        Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
                .initializer("$T.of($L)", List.class, all.build())
                .build());
        spec.addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build());
        spec.addMethod(decodeError(contract));
        return List.of(JavaFiles.source(input, spec));
    }

    /**
     * {@code OperationDescriptor.unary(SERVICE, "getOrder", DEFAULTS.withTimeout(...)).asIdempotent()},
     * on the line after the {@code =} and wrapped where it passes the line width.
     */
    private static FieldSpec descriptor(ServiceContract contract, Operation operation) {
        CodeBlock policy = operation.policies().equals(Policies.NONE)
                ? CodeBlock.of(DEFAULTS)
                : PolicyLiterals.overridden(DEFAULTS, operation.policies());
        return FieldSpec.builder(DESCRIPTOR, JavaNames.operationConstant(operation),
                        Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
                .initializer("\n$>$>$T.$L(SERVICE,$W$S,$W$L)$L$L$<$<", DESCRIPTOR, factory(operation), operation.name(),
                        policy, operation.idempotent() ? CodeBlock.of("$Z.asIdempotent()") : CodeBlock.of(""),
                        access(contract, operation))
                .build();
    }

    /**
     * {@code .withAccess(Access.scopes("orders:read"))} or {@code .withAccess(Access.AUTHENTICATED)};
     * nothing for a public operation, so contracts without a security section generate what they always did.
     */
    private static CodeBlock access(ServiceContract contract, Operation operation) {
        if (contract.isPublic(operation)) {
            return CodeBlock.of("");
        }
        if (operation.scopes().isEmpty()) {
            return CodeBlock.of("$Z.withAccess($T.AUTHENTICATED)", RuntimeTypes.ACCESS);
        }
        CodeBlock scopes = operation.scopes().stream().map(scope -> CodeBlock.of("$S", scope))
                .collect(CodeBlock.joining(",$W"));
        return CodeBlock.of("$Z.withAccess($T.scopes($L))", RuntimeTypes.ACCESS, scopes);
    }

    private static String factory(Operation operation) {
        return switch (operation.mode()) {
            case UNARY -> "unary";
            case SERVER_STREAMING -> "serverStream";
            case CLIENT_STREAMING -> "clientStream";
            case BIDI_STREAMING -> "bidiStream";
        };
    }

    private static MethodSpec decodeError(ServiceContract contract) {
        TypeName details = ParameterizedTypeName.get(Map.class, String.class, String.class);
        MethodSpec.Builder method = MethodSpec.methodBuilder("decodeError")
                .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                .addJavadoc("The contract's exception for an error that crossed the wire, or a plain\n"
                        + "{@link $T} for any other error.\n", RuntimeTypes.SWITCHBOARD_EXCEPTION)
                .returns(RuntimeTypes.SWITCHBOARD_EXCEPTION)
                .addParameter(RuntimeTypes.ERROR_CODE, "code")
                .addParameter(String.class, "errorName")
                .addParameter(String.class, "message")
                .addParameter(details, "details");
        if (contract.errors().isEmpty()) {
            return method.addStatement("return new $T(code,$WerrorName,$Wmessage,$Wdetails)",
                    RuntimeTypes.SWITCHBOARD_EXCEPTION).build();
        }
        method.addCode("return switch (errorName) {\n$>");
        for (ErrorDefinition error : contract.errors()) {
            CodeBlock.Builder arguments = CodeBlock.builder();
            for (String placeholder : error.placeholders()) {
                arguments.add(arguments.isEmpty() ? "$L" : ", $L",
                        CodeBlock.of("details.getOrDefault($S,$W\"\")", placeholder));
            }
            method.addStatement("case $S -> new $T($L)", error.name(), JavaNames.exception(contract, error),
                    arguments.build());
        }
        method.addStatement("default -> new $T(code,$WerrorName,$Wmessage,$Wdetails)", RuntimeTypes.SWITCHBOARD_EXCEPTION);
        method.addCode("$<};\n");
        return method.build();
    }
}
