package dev.switchboard.codegen.grpc;

import dev.switchboard.codegen.spring.SpringTypes;
import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeSpec;
import dev.switchboard.codegen.ContractInput;
import dev.switchboard.codegen.GeneratedFile;
import dev.switchboard.codegen.OutputGenerator;
import dev.switchboard.codegen.Role;
import dev.switchboard.codegen.java.JavaFiles;
import dev.switchboard.codegen.java.JavaNames;
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
        return (input.has(Role.SERVER) || input.has(Role.CLIENT)) && !input.contract().operations().isEmpty();
    }

    @Override
    public List<GeneratedFile> generate(ContractInput input) {
        ServiceContract contract = input.contract();
        ClassName name = GrpcTypes.configuration(contract);
        AnnotationSpec.Builder order = AnnotationSpec.builder(SpringTypes.AUTO_CONFIGURATION)
                .addMember("afterName", "$S", SpringTypes.GRPC_AUTO_CONFIGURATION);
        for (String springGrpc : GrpcTypes.SPRING_GRPC_SERVER_CONFIGURATIONS) {
            order.addMember("beforeName", "$S", springGrpc);
        }
        TypeSpec.Builder spec = TypeSpec.classBuilder(name)
                .addModifiers(Modifier.PUBLIC)
                .addAnnotation(order.build())
                .addJavadoc("Registers {@code $L}'s generated gRPC adapters with Spring Boot.\n", contract.service());
        String bean = JavaNames.beanPrefix(contract);
        if (input.has(Role.SERVER)) {
            ClassName service = JavaNames.serviceInterface(contract);
            spec.addMethod(MethodSpec.methodBuilder(bean + "GrpcService")
                    .addAnnotation(SpringTypes.BEAN)
                    .addAnnotation(AnnotationSpec.builder(SpringTypes.CONDITIONAL_ON_BEAN)
                            .addMember("value", "$T.class", service).build())
                    .returns(GrpcTypes.service(contract))
                    .addParameter(service, "service")
                    .addParameter(GrpcTypes.GRPC_SERVER, "server")
                    .addStatement("return new $T(service, server)", GrpcTypes.service(contract))
                    .build());
        }
        if (input.has(Role.CLIENT)) {
            ClassName clientInterface = JavaNames.clientInterface(contract);
            ClassName fallback = JavaNames.clientFallback(contract);
            ClassName operations = JavaNames.operations(contract);
            spec.addMethod(MethodSpec.methodBuilder(bean + "GrpcClient")
                    .addAnnotation(SpringTypes.BEAN)
                    .addAnnotation(AnnotationSpec.builder(SpringTypes.CONDITIONAL_ON_MISSING_BEAN)
                            .addMember("value", "$T.class", clientInterface).build())
                    .addAnnotations(SpringTypes.clientConditions(contract, "grpc", "address"))
                    .returns(clientInterface)
                    .addParameter(GrpcTypes.GRPC_CALLERS, "callers")
                    .addParameter(ParameterizedTypeName.get(SpringTypes.OBJECT_PROVIDER, fallback), "fallback")
                    .addStatement("return new $T(callers.forService($T.SERVICE, $T::decodeError),\nfallback.getIfAvailable(() -> new $T() {}))",
                            GrpcTypes.client(contract), operations, operations, fallback)
                    .build());
        }
        List<GeneratedFile> files = new ArrayList<>();
        files.add(JavaFiles.source(input, spec));
        files.add(new GeneratedFile(GeneratedFile.Kind.RESOURCE, SpringTypes.AUTO_CONFIGURATION_IMPORTS,
                name.canonicalName() + "\n"));
        return files;
    }
}
