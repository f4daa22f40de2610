package dev.switchboard.codegen.messaging;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.switchboard.codegen.ContractInput;
import dev.switchboard.codegen.GeneratedFile;
import dev.switchboard.codegen.OutputGenerator;
import dev.switchboard.codegen.Role;
import dev.switchboard.codegen.java.JavaFiles;
import dev.switchboard.codegen.java.JavaNames;
import dev.switchboard.codegen.java.PolicyLiterals;
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
            String parameter = kind == MessageDefinition.Kind.EVENT ? "event" : "command";
            TypeName payload = JavaNames.type(contract, message.payload());
            MethodSpec.Builder method = MethodSpec.methodBuilder(message.name())
                    .addModifiers(Modifier.PUBLIC, Modifier.ABSTRACT)
                    .addParameter(message.batch() == null ? payload
                            : ParameterizedTypeName.get(ClassName.get(List.class), payload),
                            message.batch() == null ? parameter : parameter + "s");
            if (message.doc() != null && !message.doc().isBlank()) {
                method.addJavadoc("$L\n", message.doc().strip());
            }
            if (message.batch() != null) {
                method.addJavadoc(batchDoc(message));
            }
            spec.addMethod(method.build());
        }
        return spec;
    }

    private static CodeBlock batchDoc(MessageDefinition message) {
        return CodeBlock.of("$LUp to $L at a time, in the broker's order, gathered for up to $L; acknowledged together\n"
                        + "when it returns. When it throws, the batch is handed back in halves down to the message that\n"
                        + "fails, which alone is retried or dead-lettered: leave no effect of a batch you fail.\n",
                message.doc() != null && !message.doc().isBlank() ? "\n<p>" : "", message.batch().max(),
                PolicyLiterals.spelled(message.batch().maxWait()));
    }

}
