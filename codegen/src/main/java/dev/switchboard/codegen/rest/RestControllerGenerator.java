package dev.switchboard.codegen.rest;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeSpec;
import dev.switchboard.codegen.ContractInput;
import dev.switchboard.codegen.GeneratedFile;
import dev.switchboard.codegen.OutputGenerator;
import dev.switchboard.codegen.Transport;
import dev.switchboard.codegen.java.JavaFiles;
import dev.switchboard.codegen.java.JavaNames;
import dev.switchboard.codegen.java.JavaTypes;
import dev.switchboard.contract.model.Field;
import dev.switchboard.contract.model.HttpBinding;
import dev.switchboard.contract.model.MessageType;
import dev.switchboard.contract.model.Operation;
import dev.switchboard.contract.model.ServiceContract;
import dev.switchboard.contract.model.StreamingMode;
import java.util.Comparator;
import java.util.List;
import javax.lang.model.element.Modifier;

/**
 * {@code <Service>RestController}: the contract's HTTP routes as Spring MVC functional endpoints,
 * each reading its input from the path, query or body and handing it to the user's
 * {@code <Service>Service} through the starter's {@code RestServer}, which owns validation,
 * policies, errors and observation. Functional routes, not an annotated controller, so the class
 * is registered once by the generated configuration and never picked up twice by a scan.
 */
public final class RestControllerGenerator implements OutputGenerator {

    @Override
    public boolean appliesTo(ContractInput input) {
        return input.serves(Transport.REST);
    }

    /** Operations with an HTTP binding, routes with fewer path variables first so literals win. */
    static List<Operation> httpOperations(ServiceContract contract) {
        return contract.operations().stream()
                .filter(operation -> operation.http() != null)
                .sorted(Comparator.comparingInt(operation -> operation.http().pathVariables().size()))
                .toList();
    }

    static ClassName controller(ServiceContract contract) {
        return ClassName.get(contract.javaPackage(), contract.service() + "RestController");
    }

    @Override
    public List<GeneratedFile> generate(ContractInput input) {
        ServiceContract contract = input.contract();
        ClassName service = JavaNames.serviceInterface(contract);
        TypeSpec.Builder spec = TypeSpec.classBuilder(controller(contract))
                .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
                .addJavadoc("Serves {@link $T} over HTTP/JSON as the contract maps its operations.\n", service)
                .addField(FieldSpec.builder(service, "service", Modifier.PRIVATE, Modifier.FINAL).build())
                .addField(FieldSpec.builder(RestTypes.REST_SERVER, "server", Modifier.PRIVATE, Modifier.FINAL).build())
                .addMethod(MethodSpec.constructorBuilder()
                        .addModifiers(Modifier.PUBLIC)
                        .addParameter(service, "service")
                        .addParameter(RestTypes.REST_SERVER, "server")
                        .addStatement("this.service = service")
                        .addStatement("this.server = server")
                        .build());
        List<Operation> operations = httpOperations(contract);
        spec.addMethod(routes(operations));
        UrlValues urls = new UrlValues(contract);
        for (Operation operation : operations) {
            spec.addMethod(handler(contract, urls, operation));
        }
        return List.of(JavaFiles.source(input, spec));
    }

    private static MethodSpec routes(List<Operation> operations) {
        CodeBlock.Builder chain = CodeBlock.builder().add("return $T.route()\n$>$>", RestTypes.ROUTER_FUNCTIONS);
        for (Operation operation : operations) {
            HttpBinding http = operation.http();
            chain.add(".$L($S,$Wthis::$L)\n", http.method().name(), http.path(), handlerName(operation));
        }
        chain.add(".build();\n$<$<");
        return MethodSpec.methodBuilder("routes")
                .addModifiers(Modifier.PUBLIC)
                .addJavadoc("The contract's routes; literal paths come before templated ones that could match them.\n")
                .returns(ParameterizedTypeName.get(RestTypes.ROUTER_FUNCTION, RestTypes.SERVER_RESPONSE))
                .addCode(chain.build())
                .build();
    }

    private static String handlerName(Operation operation) {
        return JavaNames.method(operation);
    }

    private static MethodSpec handler(ServiceContract contract, UrlValues urls, Operation operation) {
        boolean streaming = operation.mode() == StreamingMode.SERVER_STREAMING;
        CodeBlock decoder = decoder(contract, urls, operation);
        return MethodSpec.methodBuilder(handlerName(operation))
                .addModifiers(Modifier.PRIVATE)
                .addParameter(RestTypes.SERVER_REQUEST, "request")
                .returns(RestTypes.SERVER_RESPONSE)
                .addCode("return server.$L($T.$L,$Wrequest,\n$>$>$L,\nservice::$L);\n$<$<",
                        streaming ? "serverStream" : "unary", JavaNames.operations(contract),
                        JavaNames.operationConstant(operation), decoder, JavaNames.method(operation))
                .build();
    }

    /** The lambda that builds the input record from the request. */
    private static CodeBlock decoder(ServiceContract contract, UrlValues urls, Operation operation) {
        HttpBinding http = operation.http();
        MessageType input = (MessageType) contract.type(operation.input()).orElseThrow();
        ClassName record = JavaNames.type(contract, input.name());
        if (http.hasBody()) {
            return bodyDecoder(record, input, urls, http);
        }
        if (input.fields().isEmpty()) {
            return CodeBlock.of("call -> new $T()", record);
        }
        if (JavaTypes.hasBuilder(input)) {
            CodeBlock.Builder builder = CodeBlock.builder().add("call -> $T.builder()\n$>$>", record);
            for (Field field : input.fields()) {
                builder.add(".$L($L)\n", JavaNames.component(field), read(urls, http, field));
            }
            return builder.add(".build()$<$<").build();
        }
        CodeBlock.Builder arguments = CodeBlock.builder();
        for (Field field : input.fields()) {
            arguments.add(arguments.isEmpty() ? "$L" : ",\n$L", read(urls, http, field));
        }
        return input.fields().size() == 1
                ? CodeBlock.of("call -> new $T($L)", record, arguments.build())
                : CodeBlock.of("call -> new $T(\n$>$>$L)$<$<", record, arguments.build());
    }

    private static CodeBlock bodyDecoder(ClassName record, MessageType input, UrlValues urls, HttpBinding http) {
        if (http.pathVariables().isEmpty()) {
            return CodeBlock.of("call -> call.body($T.class)", record);
        }
        if (JavaTypes.hasBuilder(input)) {
            CodeBlock.Builder builder = CodeBlock.builder().add("call -> call.body($T.class).toBuilder()\n$>$>", record);
            for (Field field : input.fields()) {
                if (http.pathVariables().contains(field.name())) {
                    builder.add(".$L($L)\n", JavaNames.component(field), read(urls, http, field));
                }
            }
            return builder.add(".build()$<$<").build();
        }
        CodeBlock.Builder arguments = CodeBlock.builder();
        for (Field field : input.fields()) {
            CodeBlock value = http.pathVariables().contains(field.name())
                    ? read(urls, http, field)
                    : CodeBlock.of("body.$L()", JavaNames.component(field));
            arguments.add(arguments.isEmpty() ? "$L" : ", $L", value);
        }
        return CodeBlock.builder()
                .add("call -> {\n$>")
                .addStatement("$T body = call.body($T.class)", record, record)
                .addStatement("return new $T($L)", record, arguments.build())
                .add("$<}")
                .build();
    }

    /** {@code call.query("pageSize", RestValues.INT32)} and friends: one field read from the URL. */
    private static CodeBlock read(UrlValues urls, HttpBinding http, Field field) {
        return switch (urls.placement(http, field)) {
            case PATH -> CodeBlock.of("call.path($S,$W$L)", field.name(), urls.spelling(field.type()));
            case QUERY -> CodeBlock.of("call.$L($S,$W$L)", field.optional() ? "optionalQuery" : "query",
                    field.name(), urls.spelling(field.type()));
            case QUERY_LIST -> CodeBlock.of("call.queryList($S,$W$L)", field.name(), urls.spelling(field.type()));
            case QUERY_JSON -> CodeBlock.of("call.queryJson($S,$W$L)", field.name(), urls.typeReference(field));
        };
    }
}
