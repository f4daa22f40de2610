package dev.switchboard.codegen.grpc;

import dev.switchboard.codegen.spring.ClientBeans;
import dev.switchboard.codegen.java.RuntimeTypes;
import dev.switchboard.codegen.spring.SpringTypes;
import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeSpec;
import dev.switchboard.codegen.ContractInput;
import dev.switchboard.codegen.GeneratedFile;
import dev.switchboard.codegen.OutputGenerator;
import dev.switchboard.codegen.Transport;
import dev.switchboard.codegen.java.JavaFiles;
import dev.switchboard.codegen.java.JavaNames;
import dev.switchboard.contract.model.Operation;
import dev.switchboard.contract.model.ServiceContract;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.Modifier;

/**
 * {@code <Service>GrpcConfiguration}: registers the gRPC service when the application implements
 * {@code <Service>Service}, and the gRPC client when {@code client.transport} is {@code grpc}. It
 * runs before Spring gRPC's server configuration, which starts a server only if a service exists.
 */
public final class GrpcConfigurationGenerator implements OutputGenerator {

    @Override
    public boolean appliesTo(ContractInput input) {
        return input.serves(Transport.GRPC) || input.calls(Transport.GRPC);
    }

    @Override
    public List<GeneratedFile> generate(ContractInput input) {
        ServiceContract contract = input.contract();
        ClassName name = GrpcTypes.configuration(contract);
        AnnotationSpec.Builder order = AnnotationSpec.builder(SpringTypes.AUTO_CONFIGURATION)
                .addMember("afterName", "$S", SpringTypes.GRPC_AUTO_CONFIGURATION);
        order.addMember("beforeName", springGrpcServerConfigurations());
        TypeSpec.Builder spec = TypeSpec.classBuilder(name)
                .addModifiers(Modifier.PUBLIC)
                .addAnnotation(order.build())
                .addJavadoc("Registers {@code $L}'s generated gRPC adapters with Spring Boot.\n", contract.service());
        String bean = JavaNames.beanPrefix(contract);
        if (input.serves(Transport.GRPC)) {
            ClassName service = JavaNames.serviceInterface(contract);
            spec.addMethod(MethodSpec.methodBuilder(bean + "GrpcService")
                    .addAnnotation(SpringTypes.BEAN)
                    .addAnnotation(AnnotationSpec.builder(SpringTypes.CONDITIONAL_ON_BEAN)
                            .addMember("value", "$T.class", service).build())
                    .returns(GrpcTypes.service(contract))
                    .addParameter(service, "service")
                    .addParameter(GrpcTypes.GRPC_SERVER, "server")
                    .addStatement("return new $T(service,$Wserver)", GrpcTypes.service(contract))
                    .build());
            spec.addMethod(servedOperations(contract, bean));
        }
        if (input.calls(Transport.GRPC)) {
            spec.addMethod(ClientBeans.clientBean(contract, "grpc", "address", GrpcTypes.GRPC_CALLERS,
                    GrpcTypes.GRPC_CALLER, GrpcTypes.client(contract)));
        }
        List<GeneratedFile> files = new ArrayList<>();
        files.add(JavaFiles.source(input, spec));
        files.add(new GeneratedFile(GeneratedFile.Kind.RESOURCE, SpringTypes.AUTO_CONFIGURATION_IMPORTS,
                name.canonicalName() + "\n"));
        return files;
    }

    /** The gRPC methods, for the service page. */
    private static MethodSpec servedOperations(ServiceContract contract, String bean) {
        ClassName operations = JavaNames.operations(contract);
        CodeBlock.Builder routes = CodeBlock.builder();
        List<Operation> served = contract.operations();
        for (int i = 0; i < served.size(); i++) {
            String constant = JavaNames.operationConstant(served.get(i));
            routes.add("\nnew $T($T.$L,$W$T.$L.getFullMethodName())", RuntimeTypes.SERVED_ROUTE, operations,
                    constant, GrpcTypes.descriptors(contract), constant);
            routes.add(i + 1 < served.size() ? "," : "");
        }
        return MethodSpec.methodBuilder(bean + "GrpcOperations")
                .addAnnotation(SpringTypes.BEAN)
                .addAnnotation(AnnotationSpec.builder(SpringTypes.CONDITIONAL_ON_BEAN)
                        .addMember("value", "$T.class", JavaNames.serviceInterface(contract)).build())
                .returns(RuntimeTypes.SERVED_OPERATIONS)
                .addStatement("return new $T($T.SERVICE,$W$S,$W$T.of($L))", RuntimeTypes.SERVED_OPERATIONS, operations,
                        "grpc", List.class, routes.build())
                .build();
    }

    /**
     * Spring gRPC's class names, each split after its package: whole, they pass the line width.
     */
    private static CodeBlock springGrpcServerConfigurations() {
        List<CodeBlock> names = new ArrayList<>();
        for (String springGrpc : GrpcTypes.SPRING_GRPC_SERVER_CONFIGURATIONS) {
            int split = springGrpc.indexOf(".autoconfigure.") + ".autoconfigure.".length();
            names.add(CodeBlock.of("$S\n$>$>+ $S$<$<", springGrpc.substring(0, split), springGrpc.substring(split)));
        }
        return CodeBlock.builder().add("{\n").add(CodeBlock.join(names, ",\n")).add("\n$<$<}$>$>").build();
    }
}
