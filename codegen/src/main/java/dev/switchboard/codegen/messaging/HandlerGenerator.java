package dev.switchboard.codegen.messaging;

import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeSpec;
import dev.switchboard.codegen.ContractInput;
import dev.switchboard.codegen.GeneratedFile;
import dev.switchboard.codegen.OutputGenerator;
import dev.switchboard.codegen.Role;
import dev.switchboard.codegen.java.JavaFiles;
import dev.switchboard.codegen.java.JavaNames;
import dev.switchboard.contract.model.MessageDefinition;
import dev.switchboard.contract.model.ServiceContract;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.Modifier;

/**
 * {@code <Service>EventsHandler} and {@code <Service>CommandsHandler}: what a consuming service
 * implements, one method per message. The generated configuration subscribes a bean of it.
 */
public final class HandlerGenerator implements OutputGenerator {

    @Override
    public boolean appliesTo(ContractInput input) {
        return input.has(Role.CONSUMER) && MessagingTypes.hasMessages(input.contract());
    }

    @Override
    public List<GeneratedFile> generate(ContractInput input) {
        List<GeneratedFile> files = new ArrayList<>();
        for (MessageDefinition.Kind kind : MessageDefinition.Kind.values()) {
            if (!MessagingTypes.of(input.contract(), kind).isEmpty()) {
                files.add(JavaFiles.source(input, handler(input.contract(), kind)));
            }
        }
        return files;
    }

    private static TypeSpec.Builder handler(ServiceContract contract, MessageDefinition.Kind kind) {
        TypeSpec.Builder spec = TypeSpec.interfaceBuilder(MessagingTypes.handler(contract, kind))
                .addModifiers(Modifier.PUBLIC)
                .addJavadoc("Handles the $L of {@code $L}. A message is acknowledged when its method returns; a\n"
                        + "{@code SwitchboardException} with a retryable code redelivers it after a backoff, any other failure\n"
                        + "sends it to its dead-letter destination. Duplicates (same CloudEvent id) never reach it.\n",
                        kind == MessageDefinition.Kind.EVENT ? "events" : "commands", contract.service());
        for (MessageDefinition message : MessagingTypes.of(contract, kind)) {
            MethodSpec.Builder method = MethodSpec.methodBuilder(message.name())
                    .addModifiers(Modifier.PUBLIC, Modifier.ABSTRACT)
                    .addParameter(JavaNames.type(contract, message.payload()),
                            kind == MessageDefinition.Kind.EVENT ? "event" : "command");
            if (message.doc() != null && !message.doc().isBlank()) {
                method.addJavadoc("$L\n", message.doc().strip());
            }
            spec.addMethod(method.build());
        }
        return spec;
    }
}
