package dev.switchboard.codegen.grpc;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeSpec;
import dev.switchboard.codegen.ContractInput;
import dev.switchboard.codegen.GeneratedFile;
import dev.switchboard.codegen.OutputGenerator;
import dev.switchboard.codegen.Role;
import dev.switchboard.codegen.java.ClientInterfaceGenerator;
import dev.switchboard.codegen.java.JavaFiles;
import dev.switchboard.codegen.java.JavaNames;
import dev.switchboard.contract.model.Operation;
import dev.switchboard.contract.model.ServiceContract;
import java.util.List;
import javax.lang.model.element.Modifier;

/**
 * {@code <Service>GrpcClient}: the {@code <Service>Client} interface over gRPC, every call shape,
 * through the starter's {@code GrpcCaller}, which owns policies, deadlines, tracing and errors.
 */
public final class GrpcClientGenerator implements OutputGenerator {

    @Override
    public boolean appliesTo(ContractInput input) {
        return input.has(Role.CLIENT) && !input.contract().operations().isEmpty();
    }

    @Override
    public List<GeneratedFile> generate(ContractInput input) {
        ServiceContract contract = input.contract();
        ClassName fallback = JavaNames.clientFallback(contract);
        TypeSpec.Builder spec = TypeSpec.classBuilder(GrpcTypes.client(contract))
                .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
                .addSuperinterface(JavaNames.clientInterface(contract))
                .addJavadoc("Calls {@code $L} over gRPC.\n", contract.service())
                .addField(FieldSpec.builder(GrpcTypes.GRPC_CALLER, "caller", Modifier.PRIVATE, Modifier.FINAL).build())
                .addField(FieldSpec.builder(fallback, "fallback", Modifier.PRIVATE, Modifier.FINAL).build())
                .addMethod(MethodSpec.constructorBuilder()
                        .addModifiers(Modifier.PUBLIC)
                        .addParameter(GrpcTypes.GRPC_CALLER, "caller")
                        .addParameter(fallback, "fallback")
                        .addStatement("this.caller = caller")
                        .addStatement("this.fallback = fallback")
                        .build());
        for (Operation operation : contract.operations()) {
            spec.addMethod(method(contract, operation));
        }
        return List.of(JavaFiles.source(input, spec));
    }

    private static MethodSpec method(ServiceContract contract, Operation operation) {
        MethodSpec.Builder method = MethodSpec.methodBuilder(JavaNames.method(operation))
                .addAnnotation(Override.class)
                .addModifiers(Modifier.PUBLIC);
        ClientInterfaceGenerator.signature(contract, method, operation);
        ClassName operations = JavaNames.operations(contract);
        ClassName descriptors = GrpcTypes.descriptors(contract);
        String constant = JavaNames.operationConstant(operation);
        return switch (operation.mode()) {
            case UNARY -> method.addStatement("return caller.unary($T.$L, $T.$L, request,\nfailure -> fallback.$L(request, failure))",
                    operations, constant, descriptors, constant, JavaNames.method(operation)).build();
            case SERVER_STREAMING -> method.addStatement("return caller.serverStreaming($T.$L, $T.$L, request)",
                    operations, constant, descriptors, constant).build();
            case CLIENT_STREAMING -> method.addStatement("return caller.clientStreaming($T.$L, $T.$L, requests)",
                    operations, constant, descriptors, constant).build();
            case BIDI_STREAMING -> method.addStatement("return caller.bidiStreaming($T.$L, $T.$L)",
                    operations, constant, descriptors, constant).build();
        };
    }
}
