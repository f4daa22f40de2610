package dev.switchboard.codegen.java;

import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeSpec;
import dev.switchboard.codegen.ContractInput;
import dev.switchboard.codegen.GeneratedFile;
import dev.switchboard.codegen.OutputGenerator;
import dev.switchboard.codegen.Role;
import dev.switchboard.contract.model.Operation;
import dev.switchboard.contract.model.ServiceContract;
import dev.switchboard.contract.model.StreamingMode;
import java.util.List;
import javax.lang.model.element.Modifier;

/**
 * {@code <Service>ClientFallback}: degradation for client calls. Every method rethrows by
 * default; an application bean overrides the operations it can answer without the service
 * (a cached value, a default) when the circuit is open or the retries are spent.
 */
public final class ClientFallbackGenerator implements OutputGenerator {

    @Override
    public boolean appliesTo(ContractInput input) {
        return input.has(Role.CLIENT);
    }

    @Override
    public List<GeneratedFile> generate(ContractInput input) {
        ServiceContract contract = input.contract();
        OperationMethods methods = new OperationMethods(contract);
        TypeSpec.Builder spec = TypeSpec.interfaceBuilder(JavaNames.clientFallback(contract))
                .addModifiers(Modifier.PUBLIC)
                .addJavadoc("What calls to {@code $L} answer when the circuit is open or the retries are spent.\n"
                        + "Each method rethrows the failure unless a bean implementing this interface overrides it.\n",
                        contract.service());
        for (Operation operation : contract.operations()) {
            if (operation.mode() == StreamingMode.UNARY && carried(input, operation)) {
                spec.addMethod(MethodSpec.methodBuilder(JavaNames.method(operation))
                        .addModifiers(Modifier.PUBLIC, Modifier.DEFAULT)
                        .addParameter(methods.input(operation), "request")
                        .addParameter(RuntimeTypes.SWITCHBOARD_EXCEPTION, "failure")
                        .returns(methods.output(operation))
                        .addStatement("throw failure")
                        .build());
            }
        }
        return List.of(JavaFiles.source(input, spec));
    }

    /** Whether some client transport of the build makes this call: only those can fail over to it. */
    private static boolean carried(ContractInput input, Operation operation) {
        return input.clientTransports().stream().anyMatch(transport -> transport.carries(operation));
    }
}
