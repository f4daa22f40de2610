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
import dev.switchboard.contract.model.CircuitBreakerPolicy;
import dev.switchboard.contract.model.ErrorDefinition;
import dev.switchboard.contract.model.Operation;
import dev.switchboard.contract.model.Policies;
import dev.switchboard.contract.model.RateLimitPolicy;
import dev.switchboard.contract.model.RetryPolicy;
import dev.switchboard.contract.model.ServiceContract;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.Modifier;

/**
 * {@code <Service>Operations}: one descriptor per operation (name, idempotency, shape and the
 * contract's effective policy) and the decoder that turns an error name from the wire back into
 * the contract's exception. Every transport's adapters share it, so the contract's policies are
 * stated once in generated code.
 */
public final class OperationsGenerator implements OutputGenerator {

    private static final ClassName DESCRIPTOR = RuntimeTypes.OPERATION_DESCRIPTOR;
    private static final ClassName SHAPE = ClassName.get(RuntimeTypes.POLICY, "CallShape");
    private static final ClassName SETTINGS = ClassName.get(RuntimeTypes.POLICY, "PolicySettings");
    private static final ClassName RETRY = ClassName.get(RuntimeTypes.POLICY, "RetrySettings");
    private static final ClassName BREAKER = ClassName.get(RuntimeTypes.POLICY, "CircuitBreakerSettings");
    private static final ClassName RATE_LIMIT = ClassName.get(RuntimeTypes.POLICY, "RateLimitSettings");

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
                        .build());
        CodeBlock.Builder all = CodeBlock.builder();
        for (Operation operation : contract.operations()) {
            spec.addField(descriptor(contract, operation));
            all.add(all.isEmpty() ? "$L" : ", $L", JavaNames.operationConstant(operation));
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

    private static FieldSpec descriptor(ServiceContract contract, Operation operation) {
        Policies policy = contract.policies().overriddenBy(operation.policies());
        return FieldSpec.builder(DESCRIPTOR, JavaNames.operationConstant(operation),
                        Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
                .initializer("new $T(SERVICE, $S, $L, $T.$L,\n$>$>$L)$<$<",
                        DESCRIPTOR, operation.name(), operation.idempotent(), SHAPE, shape(operation),
                        settings(policy))
                .build();
    }

    private static String shape(Operation operation) {
        return switch (operation.mode()) {
            case UNARY -> "UNARY";
            case SERVER_STREAMING -> "SERVER_STREAM";
            case CLIENT_STREAMING -> "CLIENT_STREAM";
            case BIDI_STREAMING -> "BIDI_STREAM";
        };
    }

    private static CodeBlock settings(Policies policy) {
        if (policy.equals(Policies.NONE)) {
            return CodeBlock.of("$T.NONE", SETTINGS);
        }
        return CodeBlock.of("new $T($L, $L,\n$L,\n$L,\n$L, $L)", SETTINGS,
                duration(policy.timeout()), duration(policy.deadline()),
                retry(policy.retry()), breaker(policy.circuitBreaker()),
                policy.concurrency(), rateLimit(policy.rateLimit()));
    }

    /** A {@code RetrySettings} literal, or {@code null}. */
    public static CodeBlock retry(RetryPolicy retry) {
        if (retry == null) {
            return CodeBlock.of("null");
        }
        return CodeBlock.of("new $T($L, $L, $L, $L, $L)", RETRY, retry.attempts(), duration(retry.backoff()),
                duration(retry.maxBackoff()), retry.jitter(), retry.budget());
    }

    private static CodeBlock breaker(CircuitBreakerPolicy breaker) {
        if (breaker == null) {
            return CodeBlock.of("null");
        }
        return CodeBlock.of("new $T($L, $L, $L, $L)", BREAKER, breaker.failureRate(), breaker.minimumCalls(),
                breaker.window(), duration(breaker.openFor()));
    }

    private static CodeBlock rateLimit(RateLimitPolicy limit) {
        return limit == null
                ? CodeBlock.of("null")
                : CodeBlock.of("new $T($L, $L)", RATE_LIMIT, limit.permits(), duration(limit.per()));
    }

    /** The shortest exact spelling: {@code Duration.ofSeconds(2)} rather than {@code ofMillis(2000)}. */
    static CodeBlock duration(Duration duration) {
        if (duration == null) {
            return CodeBlock.of("null");
        }
        long millis = duration.toMillis();
        if (millis % 3_600_000 == 0) {
            return CodeBlock.of("$T.ofHours($L)", Duration.class, millis / 3_600_000);
        }
        if (millis % 60_000 == 0) {
            return CodeBlock.of("$T.ofMinutes($L)", Duration.class, millis / 60_000);
        }
        if (millis % 1_000 == 0) {
            return CodeBlock.of("$T.ofSeconds($L)", Duration.class, millis / 1_000);
        }
        return CodeBlock.of("$T.ofMillis($L)", Duration.class, millis);
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
            return method.addStatement("return new $T(code, errorName, message, details)",
                    RuntimeTypes.SWITCHBOARD_EXCEPTION).build();
        }
        method.beginControlFlow("return switch (errorName)");
        for (ErrorDefinition error : contract.errors()) {
            CodeBlock.Builder arguments = CodeBlock.builder();
            for (String placeholder : error.placeholders()) {
                arguments.add(arguments.isEmpty() ? "$L" : ", $L",
                        CodeBlock.of("details.getOrDefault($S, \"\")", placeholder));
            }
            method.addStatement("case $S -> new $T($L)", error.name(), JavaNames.exception(contract, error),
                    arguments.build());
        }
        method.addStatement("default -> new $T(code, errorName, message, details)", RuntimeTypes.SWITCHBOARD_EXCEPTION);
        method.endControlFlow("");
        return method.build();
    }
}
