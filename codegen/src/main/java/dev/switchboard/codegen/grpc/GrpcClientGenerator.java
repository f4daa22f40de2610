package dev.switchboard.codegen.grpc;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeSpec;
import dev.switchboard.codegen.ContractInput;
import dev.switchboard.codegen.GeneratedFile;
import dev.switchboard.codegen.OutputGenerator;
import dev.switchboard.codegen.Transport;
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
 * It also has the operations the interface leaves out because another client transport of the
 * build cannot carry them (client and bidirectional streams, operations without an HTTP binding):
 * callers inject the class itself for those.
 */
public final class GrpcClientGenerator implements OutputGenerator {

    @Override
    public boolean appliesTo(ContractInput input) {
        return input.calls(Transport.GRPC);
    }

    @Override
    public List<GeneratedFile> generate(ContractInput input) {
        ServiceContract contract = input.contract();
        ClassName fallback = JavaNames.clientFallback(contract);
        List<Operation> declared = input.clientOperations();
        TypeSpec.Builder spec = TypeSpec.classBuilder(GrpcTypes.client(contract))
                .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
                .addSuperinterface(JavaNames.clientInterface(contract))
                .addJavadoc(javadoc(contract, declared))
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
            spec.addMethod(method(contract, operation, declared.contains(operation)));
        }
        return List.of(JavaFiles.source(input, spec));
    }

    private static CodeBlock javadoc(ServiceContract contract, List<Operation> declared) {
        CodeBlock.Builder doc = CodeBlock.builder().add("Calls {@code $L} over gRPC.\n", contract.service());
        List<String> extra = contract.operations().stream()
                .filter(operation -> !declared.contains(operation))
                .map(operation -> "{@link #" + JavaNames.method(operation) + "}")
                .toList();
        if (!extra.isEmpty()) {
            doc.add("\n<p>Besides {@link $T}, it calls $L, which another client transport of this build\n"
                    + "cannot carry: inject this class to use them.\n",
                    JavaNames.clientInterface(contract), String.join(", ", extra));
        }
        return doc.build();
    }

    private static MethodSpec method(ServiceContract contract, Operation operation, boolean declared) {
        MethodSpec.Builder method;
        if (declared) {
            method = MethodSpec.methodBuilder(JavaNames.method(operation))
                    .addAnnotation(Override.class)
                    .addModifiers(Modifier.PUBLIC);
            ClientInterfaceGenerator.signature(contract, method, operation);
        } else {
            method = ClientInterfaceGenerator.undeclaredMethod(contract, operation);
        }
        ClassName operations = JavaNames.operations(contract);
        ClassName descriptors = GrpcTypes.descriptors(contract);
        String constant = JavaNames.operationConstant(operation);
        return switch (operation.mode()) {
            case UNARY -> method.addStatement("return caller.unary($T.$L,$W$T.$L,$Wrequest,\nfailure -> fallback.$L(request,$Wfailure))",
                    operations, constant, descriptors, constant, JavaNames.method(operation)).build();
            case SERVER_STREAMING -> method.addStatement("return caller.serverStreaming($T.$L,$W$T.$L,$Wrequest)",
                    operations, constant, descriptors, constant).build();
            case CLIENT_STREAMING -> method.addStatement("return caller.clientStreaming($T.$L,$W$T.$L,$Wrequests)",
                    operations, constant, descriptors, constant).build();
            case BIDI_STREAMING -> method.addStatement("return caller.bidiStreaming($T.$L,$W$T.$L)",
                    operations, constant, descriptors, constant).build();
        };
    }
}
