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
import dev.switchboard.codegen.java.JavaFiles;
import dev.switchboard.codegen.java.JavaNames;
import dev.switchboard.contract.model.Operation;
import dev.switchboard.contract.model.ServiceContract;
import java.util.List;
import javax.lang.model.element.Modifier;

/**
 * {@code <Service>GrpcService}: the user's {@code <Service>Service} as a gRPC service, every
 * operation bound in its call shape through the starter's {@code GrpcServer}, which owns
 * deadlines, limits, validation, observation and error statuses.
 */
public final class GrpcServiceGenerator implements OutputGenerator {

    @Override
    public boolean appliesTo(ContractInput input) {
        return input.serves(Transport.GRPC);
    }

    @Override
    public List<GeneratedFile> generate(ContractInput input) {
        ServiceContract contract = input.contract();
        ClassName service = JavaNames.serviceInterface(contract);
        ClassName descriptors = GrpcTypes.descriptors(contract);
        CodeBlock.Builder binding = CodeBlock.builder()
                .add("return server.bind($T.SERVICE_NAME,$W$T::descriptor)$>$>", descriptors, descriptors);
        for (Operation operation : contract.operations()) {
            String shape = switch (operation.mode()) {
                case UNARY -> "unary";
                case SERVER_STREAMING -> "serverStreaming";
                case CLIENT_STREAMING -> "clientStreaming";
                case BIDI_STREAMING -> "bidiStreaming";
            };
            String constant = JavaNames.operationConstant(operation);
            binding.add("\n.$L($T.$L,$W$T.$L,$Wservice::$L)", shape, JavaNames.operations(contract), constant,
                    descriptors, constant, JavaNames.method(operation));
        }
        binding.add("\n.build();\n$<$<");
        TypeSpec.Builder spec = TypeSpec.classBuilder(GrpcTypes.service(contract))
                .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
                .addSuperinterface(GrpcTypes.BINDABLE_SERVICE)
                .addJavadoc("Serves {@link $T} over gRPC, each method as the exported .proto declares it.\n", service)
                .addField(FieldSpec.builder(service, "service", Modifier.PRIVATE, Modifier.FINAL).build())
                .addField(FieldSpec.builder(GrpcTypes.GRPC_SERVER, "server", Modifier.PRIVATE, Modifier.FINAL).build())
                .addMethod(MethodSpec.constructorBuilder()
                        .addModifiers(Modifier.PUBLIC)
                        .addParameter(service, "service")
                        .addParameter(GrpcTypes.GRPC_SERVER, "server")
                        .addStatement("this.service = service")
                        .addStatement("this.server = server")
                        .build())
                .addMethod(MethodSpec.methodBuilder("bindService")
                        .addAnnotation(Override.class)
                        .addModifiers(Modifier.PUBLIC)
                        .returns(GrpcTypes.SERVER_SERVICE_DEFINITION)
                        .addCode(binding.build())
                        .build());
        return List.of(JavaFiles.source(input, spec));
    }
}
