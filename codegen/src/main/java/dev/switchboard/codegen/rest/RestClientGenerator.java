package dev.switchboard.codegen.rest;

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
import dev.switchboard.contract.model.Field;
import dev.switchboard.contract.model.HttpBinding;
import dev.switchboard.contract.model.MessageType;
import dev.switchboard.contract.model.Operation;
import dev.switchboard.contract.model.ServiceContract;
import java.util.List;
import javax.lang.model.element.Modifier;

/**
 * {@code <Service>RestClient}: the {@code <Service>Client} interface over HTTP/JSON. Each method
 * spells its request the way the generated controller reads it and hands it to the starter's
 * {@code RestCaller}, which owns policies, deadlines, idempotency keys, tracing and errors.
 * It implements exactly the operations with an HTTP binding, which is what {@code <Service>Client}
 * declares whenever REST is a client transport of the build.
 */
public final class RestClientGenerator implements OutputGenerator {

    @Override
    public boolean appliesTo(ContractInput input) {
        return input.calls(Transport.REST);
    }

    static ClassName client(ServiceContract contract) {
        return ClassName.get(contract.javaPackage(), contract.service() + "RestClient");
    }

    @Override
    public List<GeneratedFile> generate(ContractInput input) {
        ServiceContract contract = input.contract();
        ClassName fallback = JavaNames.clientFallback(contract);
        TypeSpec.Builder spec = TypeSpec.classBuilder(client(contract))
                .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
                .addSuperinterface(JavaNames.clientInterface(contract))
                .addJavadoc("Calls {@code $L} over HTTP/JSON.\n", contract.service())
                .addField(FieldSpec.builder(RestTypes.REST_CALLER, "caller", Modifier.PRIVATE, Modifier.FINAL).build())
                .addField(FieldSpec.builder(fallback, "fallback", Modifier.PRIVATE, Modifier.FINAL).build())
                .addMethod(MethodSpec.constructorBuilder()
                        .addModifiers(Modifier.PUBLIC)
                        .addParameter(RestTypes.REST_CALLER, "caller")
                        .addParameter(fallback, "fallback")
                        .addStatement("this.caller = caller")
                        .addStatement("this.fallback = fallback")
                        .build());
        UrlValues urls = new UrlValues(contract);
        for (Operation operation : contract.operations()) {
            if (Transport.REST.carries(operation)) {
                spec.addMethod(method(contract, urls, operation));
            }
        }
        return List.of(JavaFiles.source(input, spec));
    }

    private static MethodSpec method(ServiceContract contract, UrlValues urls, Operation operation) {
        ClassName output = JavaNames.type(contract, operation.output());
        CodeBlock descriptor = CodeBlock.of("$T.$L", JavaNames.operations(contract), JavaNames.operationConstant(operation));
        MethodSpec.Builder method = MethodSpec.methodBuilder(JavaNames.method(operation))
                .addAnnotation(Override.class)
                .addModifiers(Modifier.PUBLIC);
        ClientInterfaceGenerator.signature(contract, method, operation);
        CodeBlock request = request(contract, urls, operation);
        if (operation.outputStream()) {
            return method.addStatement("return caller.stream($L,\n$L,\n$T.class)",
                    descriptor, request, output).build();
        }
        return method.addStatement("return caller.call($L,\n$L,\n$T.class,$Wfailure -> fallback.$L(request,$Wfailure))",
                descriptor, request, output, JavaNames.method(operation)).build();
    }

    /** {@code RestRequest.of(HttpMethod.GET, "/orders/{id}").path("id", request.id(), RestValues.STRING)}. */
    private static CodeBlock request(ServiceContract contract, UrlValues urls, Operation operation) {
        HttpBinding http = operation.http();
        MessageType input = (MessageType) contract.type(operation.input()).orElseThrow();
        CodeBlock.Builder request = CodeBlock.builder().add("$T.of($T.$L,$W$S)",
                RestTypes.REST_REQUEST, RestTypes.HTTP_METHOD, http.method().name(), http.path());
        request.add("$>$>");
        for (Field field : input.fields()) {
            UrlValues.Placement placement = urls.placement(http, field);
            if (http.hasBody() && placement != UrlValues.Placement.PATH) {
                continue;
            }
            CodeBlock value = CodeBlock.of("request.$L()", JavaNames.component(field));
            request.add("\n$L", switch (placement) {
                case PATH -> CodeBlock.of(".path($S,$W$L,$W$L)", field.name(), value, urls.spelling(field.type()));
                case QUERY -> CodeBlock.of(".query($S,$W$L,$W$L)", field.name(), value, urls.spelling(field.type()));
                case QUERY_LIST -> CodeBlock.of(".queryList($S,$W$L,$W$L)", field.name(), value, urls.spelling(field.type()));
                case QUERY_JSON -> CodeBlock.of(".queryJson($S,$W$L)", field.name(), value);
            });
        }
        if (http.hasBody()) {
            request.add("\n.body(request)");
        }
        return request.add("$<$<").build();
    }
}
