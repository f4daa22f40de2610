package dev.switchboard.codegen.messaging;

import dev.switchboard.codegen.java.RuntimeTypes;
import dev.switchboard.codegen.spring.SpringTypes;
import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeSpec;
import dev.switchboard.codegen.ContractInput;
import dev.switchboard.codegen.GeneratedFile;
import dev.switchboard.codegen.OutputGenerator;
import dev.switchboard.codegen.Role;
import dev.switchboard.codegen.java.JavaFiles;
import dev.switchboard.codegen.java.JavaNames;
import dev.switchboard.codegen.spec.SpecFiles;
import dev.switchboard.contract.model.MessageDefinition;
import dev.switchboard.contract.model.ServiceContract;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.Modifier;

/**
 * {@code <Service>MessagingConfiguration}: the publishers for a publishing service (and its
 * AsyncAPI document, served at {@code /asyncapi.yaml}), and for a consuming service the
 * subscriptions of its handler beans, started with the application and stopped before it.
 */
public final class MessagingConfigurationGenerator implements OutputGenerator {

    @Override
    public boolean appliesTo(ContractInput input) {
        return (input.has(Role.PUBLISHER) || input.has(Role.CONSUMER)) && MessagingTypes.hasMessages(input.contract());
    }

    @Override
    public List<GeneratedFile> generate(ContractInput input) {
        ServiceContract contract = input.contract();
        ClassName name = MessagingTypes.configuration(contract);
        TypeSpec.Builder spec = TypeSpec.classBuilder(name)
                .addModifiers(Modifier.PUBLIC)
                .addAnnotation(AnnotationSpec.builder(SpringTypes.AUTO_CONFIGURATION)
                        .addMember("afterName", "$S", SpringTypes.MESSAGING_AUTO_CONFIGURATION).build())
                .addJavadoc("Registers {@code $L}'s generated publishers and subscriptions with Spring Boot.\n",
                        contract.service());
        String bean = JavaNames.beanPrefix(contract);
        for (MessageDefinition.Kind kind : MessageDefinition.Kind.values()) {
            if (MessagingTypes.of(contract, kind).isEmpty()) {
                continue;
            }
            if (input.has(Role.PUBLISHER)) {
                spec.addMethod(publisher(contract, kind, bean));
            }
            if (input.has(Role.CONSUMER)) {
                spec.addMethod(subscriptions(contract, kind, bean));
                spec.addMethod(servedMessages(contract, bean + MessagingTypes.plural(kind) + "Consumed", "consumer",
                        MessagingTypes.of(contract, kind), MessagingTypes.handler(contract, kind)));
            }
        }
        if (input.has(Role.PUBLISHER)) {
            spec.addMethod(MethodSpec.methodBuilder(bean + "AsyncApi")
                    .addAnnotation(SpringTypes.BEAN)
                    .returns(RuntimeTypes.SERVED_SPECIFICATION)
                    .addStatement("return new $T($S,$W$S,$W$S)", RuntimeTypes.SERVED_SPECIFICATION, contract.service(),
                            "asyncapi", SpecFiles.directory(contract) + "asyncapi.yaml")
                    .build());
            List<MessageDefinition> published = new ArrayList<>(MessagingTypes.of(contract, MessageDefinition.Kind.EVENT));
            published.addAll(MessagingTypes.of(contract, MessageDefinition.Kind.COMMAND));
            if (!published.isEmpty()) {
                spec.addMethod(servedMessages(contract, bean + "Published", "publisher", published, null));
            }
        }
        List<GeneratedFile> files = new ArrayList<>();
        files.add(JavaFiles.source(input, spec));
        files.add(new GeneratedFile(GeneratedFile.Kind.RESOURCE, SpringTypes.AUTO_CONFIGURATION_IMPORTS,
                name.canonicalName() + "\n"));
        return files;
    }

    private static MethodSpec publisher(ServiceContract contract, MessageDefinition.Kind kind, String bean) {
        ClassName publisher = MessagingTypes.publisher(contract, kind);
        return MethodSpec.methodBuilder(bean + MessagingTypes.plural(kind))
                .addAnnotation(SpringTypes.BEAN)
                .addAnnotation(SpringTypes.CONDITIONAL_ON_MISSING_BEAN)
                .returns(publisher)
                .addParameter(MessagingTypes.MESSAGE_PUBLISHER, "publisher")
                .addStatement("return new $T(publisher)", publisher)
                .build();
    }

    /** What this service publishes or consumes of the contract, for the service page. */
    private static MethodSpec servedMessages(ServiceContract contract, String name, String role,
            List<MessageDefinition> messages, ClassName handler) {
        List<CodeBlock> constants = messages.stream()
                .map(message -> CodeBlock.of("$T.$L", MessagingTypes.messages(contract), MessagingTypes.constant(message)))
                .toList();
        MethodSpec.Builder method = MethodSpec.methodBuilder(name).addAnnotation(SpringTypes.BEAN);
        if (handler != null) {
            method.addAnnotation(AnnotationSpec.builder(SpringTypes.CONDITIONAL_ON_BEAN)
                    .addMember("value", "$T.class", handler).build());
        }
        return method.returns(MessagingTypes.SERVED_MESSAGES)
                .addStatement("return new $T($S,$W$S,$W$T.of($L))", MessagingTypes.SERVED_MESSAGES, contract.service(),
                        role, List.class, CodeBlock.join(constants, ",$W"))
                .build();
    }

    private static MethodSpec subscriptions(ServiceContract contract, MessageDefinition.Kind kind, String bean) {
        ClassName handler = MessagingTypes.handler(contract, kind);
        List<CodeBlock> listens = new ArrayList<>();
        for (MessageDefinition message : MessagingTypes.of(contract, kind)) {
            listens.add(CodeBlock.of("() -> listeners.$L($T.$L,$W$T.class,$Whandler::$L)",
                    message.batch() == null ? "listen" : "listenAll",
                    MessagingTypes.messages(contract), MessagingTypes.constant(message),
                    JavaNames.type(contract, message.payload()), message.name()));
        }
        return MethodSpec.methodBuilder(bean + MessagingTypes.plural(kind) + "Subscriptions")
                .addAnnotation(SpringTypes.BEAN)
                .addAnnotation(AnnotationSpec.builder(SpringTypes.CONDITIONAL_ON_BEAN)
                        .addMember("value", "$T.class", handler).build())
                .returns(MessagingTypes.MESSAGE_SUBSCRIPTIONS)
                .addParameter(MessagingTypes.MESSAGE_LISTENERS, "listeners")
                .addParameter(handler, "handler")
                .addStatement("return new $T(\n$L)", MessagingTypes.MESSAGE_SUBSCRIPTIONS,
                        CodeBlock.join(listens, ",\n"))
                .build();
    }
}
