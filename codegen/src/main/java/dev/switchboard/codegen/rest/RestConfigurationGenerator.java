package dev.switchboard.codegen.rest;

import dev.switchboard.codegen.java.RuntimeTypes;
import dev.switchboard.codegen.spring.ClientBeans;
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
import dev.switchboard.codegen.spec.SpecFiles;
import dev.switchboard.contract.model.Operation;
import dev.switchboard.contract.model.ServiceContract;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.Modifier;

/**
 * {@code <Service>RestConfiguration}: a Spring Boot auto-configuration that registers the
 * generated controller when the application has a {@code <Service>Service} bean, and the REST
 * client when the configuration names the service's base URL. An auto-configuration (listed in
 * the jar's imports file) rather than a scanned class, so it works whatever package the
 * application scans, including for imported contracts.
 */
public final class RestConfigurationGenerator implements OutputGenerator {

    @Override
    public boolean appliesTo(ContractInput input) {
        return input.serves(Transport.REST) || input.calls(Transport.REST);
    }

    static ClassName configuration(ServiceContract contract) {
        return ClassName.get(contract.javaPackage(), contract.service() + "RestConfiguration");
    }

    @Override
    public List<GeneratedFile> generate(ContractInput input) {
        ServiceContract contract = input.contract();
        ClassName name = configuration(contract);
        TypeSpec.Builder spec = TypeSpec.classBuilder(name)
                .addModifiers(Modifier.PUBLIC)
                .addAnnotation(AnnotationSpec.builder(SpringTypes.AUTO_CONFIGURATION)
                        .addMember("afterName", "$S", SpringTypes.REST_AUTO_CONFIGURATION)
                        .build())
                .addJavadoc("Registers {@code $L}'s generated REST adapters with Spring Boot.\n", contract.service());
        String bean = JavaNames.beanPrefix(contract);
        if (input.serves(Transport.REST)) {
            spec.addMethod(routes(contract, bean));
            spec.addMethod(openApi(contract, bean));
            spec.addMethod(servedOperations(contract, bean));
        }
        if (input.calls(Transport.REST)) {
            spec.addMethod(ClientBeans.clientBean(contract, "rest", "base-url", RestTypes.REST_CALLERS,
                    RestTypes.REST_CALLER, RestClientGenerator.client(contract)));
        }
        List<GeneratedFile> files = new ArrayList<>();
        files.add(JavaFiles.source(input, spec));
        files.add(new GeneratedFile(GeneratedFile.Kind.RESOURCE, SpringTypes.AUTO_CONFIGURATION_IMPORTS,
                name.canonicalName() + "\n"));
        return files;
    }

    private static MethodSpec routes(ServiceContract contract, String bean) {
        ClassName service = JavaNames.serviceInterface(contract);
        return MethodSpec.methodBuilder(bean + "Routes")
                .addAnnotation(SpringTypes.BEAN)
                .addAnnotation(onBean(service))
                .addAnnotation(AnnotationSpec.builder(SpringTypes.CONDITIONAL_ON_WEB_APPLICATION)
                        .addMember("type", "$T.Type.SERVLET", SpringTypes.CONDITIONAL_ON_WEB_APPLICATION)
                        .build())
                .returns(ParameterizedTypeName.get(RestTypes.ROUTER_FUNCTION, RestTypes.SERVER_RESPONSE))
                .addParameter(service, "service")
                .addParameter(RestTypes.REST_SERVER, "server")
                .addStatement("return new $T(service,$Wserver).routes()", RestControllerGenerator.controller(contract))
                .build();
    }

    private static MethodSpec openApi(ServiceContract contract, String bean) {
        return MethodSpec.methodBuilder(bean + "OpenApi")
                .addAnnotation(SpringTypes.BEAN)
                .addAnnotation(onBean(JavaNames.serviceInterface(contract)))
                .returns(RuntimeTypes.SERVED_SPECIFICATION)
                .addStatement("return new $T($T.SERVICE,$W$S,$W$S)", RuntimeTypes.SERVED_SPECIFICATION,
                        JavaNames.operations(contract), "openapi", SpecFiles.directory(contract) + "openapi.yaml")
                .build();
    }

    /** The REST routes, for the service page. */
    private static MethodSpec servedOperations(ServiceContract contract, String bean) {
        ClassName operations = JavaNames.operations(contract);
        CodeBlock.Builder routes = CodeBlock.builder();
        List<Operation> served = contract.operations().stream().filter(operation -> operation.http() != null).toList();
        for (int i = 0; i < served.size(); i++) {
            Operation operation = served.get(i);
            routes.add("\nnew $T($T.$L,$W$S)", RuntimeTypes.SERVED_ROUTE, operations,
                    JavaNames.operationConstant(operation),
                    operation.http().method().name() + " " + operation.http().path());
            routes.add(i + 1 < served.size() ? "," : "");
        }
        return MethodSpec.methodBuilder(bean + "RestOperations")
                .addAnnotation(SpringTypes.BEAN)
                .addAnnotation(onBean(JavaNames.serviceInterface(contract)))
                .returns(RuntimeTypes.SERVED_OPERATIONS)
                .addStatement("return new $T($T.SERVICE,$W$S,$W$T.of($L))", RuntimeTypes.SERVED_OPERATIONS, operations,
                        "rest", List.class, routes.build())
                .build();
    }

    private static AnnotationSpec onBean(ClassName type) {
        return AnnotationSpec.builder(SpringTypes.CONDITIONAL_ON_BEAN).addMember("value", "$T.class", type).build();
    }
}
