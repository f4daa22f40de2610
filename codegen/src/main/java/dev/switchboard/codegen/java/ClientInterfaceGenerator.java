package dev.switchboard.codegen.java;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.MethodSpec;
import dev.switchboard.codegen.ContractInput;
import dev.switchboard.codegen.GeneratedFile;
import dev.switchboard.codegen.OutputGenerator;
import dev.switchboard.codegen.Role;
import dev.switchboard.contract.model.Operation;
import dev.switchboard.contract.model.ServiceContract;
import java.util.List;
import javax.lang.model.element.Modifier;

/**
 * {@code <Service>Client}, the one interface callers use whichever transport is configured. It
 * declares the operations every client transport of the build carries (see
 * {@link ContractInput#clientOperations()}), so a call it offers never fails for want of a
 * binding; {@code <Service>GrpcClient} adds the ones only gRPC carries. Streams take the caller's
 * natural shape: an {@code Iterable} to send, a {@code StreamSource} to read.
 */
public final class ClientInterfaceGenerator implements OutputGenerator {

    @Override
    public boolean appliesTo(ContractInput input) {
        return input.has(Role.CLIENT);
    }

    @Override
    public List<GeneratedFile> generate(ContractInput input) {
        ServiceContract contract = input.contract();
        OperationMethods methods = new OperationMethods(contract);
        return List.of(JavaFiles.source(input, methods.operationsInterface(
                JavaNames.clientInterface(contract),
                "Calls the {@code " + contract.service() + "} service over whichever transport is configured.",
                input.clientOperations(),
                (method, operation) -> signature(contract, method, operation))));
    }

    /**
     * A public method of a client class for an operation its interface does not declare, documented
     * like the interface's methods.
     */
    public static MethodSpec.Builder undeclaredMethod(ServiceContract contract, Operation operation) {
        MethodSpec.Builder method = MethodSpec.methodBuilder(JavaNames.method(operation))
                .addModifiers(Modifier.PUBLIC)
                .addJavadoc(new OperationMethods(contract).javadoc(operation));
        signature(contract, method, operation);
        return method;
    }

    /**
     * The parameters and return type of an operation's client method: the one definition the
     * interface and every transport's client implementation share.
     */
    public static void signature(ServiceContract contract, MethodSpec.Builder method, Operation operation) {
        OperationMethods methods = new OperationMethods(contract);
        switch (operation.mode()) {
            case UNARY -> method.addParameter(methods.input(operation), "request").returns(methods.output(operation));
            case SERVER_STREAMING -> method
                    .addParameter(methods.input(operation), "request")
                    .returns(OperationMethods.generic(RuntimeTypes.STREAM_SOURCE, methods.output(operation)));
            case CLIENT_STREAMING -> method
                    .addParameter(OperationMethods.generic(ClassName.get(Iterable.class), methods.input(operation)),
                            "requests")
                    .returns(methods.output(operation));
            case BIDI_STREAMING -> method.returns(OperationMethods.generic(
                    RuntimeTypes.BIDI_CALL, methods.input(operation), methods.output(operation)));
        }
    }
}
