package dev.switchboard.codegen.java;

import com.palantir.javapoet.MethodSpec;
import dev.switchboard.codegen.ContractInput;
import dev.switchboard.codegen.GeneratedFile;
import dev.switchboard.codegen.OutputGenerator;
import dev.switchboard.codegen.Role;
import dev.switchboard.contract.model.Operation;
import dev.switchboard.contract.model.ServiceContract;
import java.util.List;

/**
 * {@code <Service>Service}, the interface a server implements once for every transport. It has no
 * default methods, so an operation added to the contract but missing from the implementation fails
 * the build.
 */
public final class ServiceInterfaceGenerator implements OutputGenerator {

    @Override
    public boolean appliesTo(ContractInput input) {
        return input.has(Role.SERVER);
    }

    @Override
    public List<GeneratedFile> generate(ContractInput input) {
        ServiceContract contract = input.contract();
        OperationMethods methods = new OperationMethods(contract);
        return List.of(JavaFiles.source(input, methods.operationsInterface(
                JavaNames.serviceInterface(contract),
                "Implemented by the {@code " + contract.service()
                        + "} server; the generated REST and gRPC adapters call it.",
                (method, operation) -> shape(methods, method, operation))));
    }

    /** Streams are blocking: a handler reads a {@code StreamSource} and sends to a {@code StreamSink}. */
    private static void shape(OperationMethods methods, MethodSpec.Builder method, Operation operation) {
        switch (operation.mode()) {
            case UNARY -> method.addParameter(methods.input(operation), "request").returns(methods.output(operation));
            case SERVER_STREAMING -> method
                    .addParameter(methods.input(operation), "request")
                    .addParameter(OperationMethods.generic(RuntimeTypes.STREAM_SINK, methods.output(operation)),
                            "responses");
            case CLIENT_STREAMING -> method
                    .addParameter(OperationMethods.generic(RuntimeTypes.STREAM_SOURCE, methods.input(operation)),
                            "requests")
                    .returns(methods.output(operation));
            case BIDI_STREAMING -> method
                    .addParameter(OperationMethods.generic(RuntimeTypes.STREAM_SOURCE, methods.input(operation)),
                            "requests")
                    .addParameter(OperationMethods.generic(RuntimeTypes.STREAM_SINK, methods.output(operation)),
                            "responses");
        }
    }
}
