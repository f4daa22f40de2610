package dev.switchboard.codegen.messaging;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeSpec;
import dev.switchboard.codegen.ContractInput;
import dev.switchboard.codegen.GeneratedFile;
import dev.switchboard.codegen.OutputGenerator;
import dev.switchboard.codegen.Role;
import dev.switchboard.codegen.java.JavaFiles;
import dev.switchboard.codegen.java.JavaNames;
import dev.switchboard.contract.model.Field;
import dev.switchboard.contract.model.MessageDefinition;
import dev.switchboard.contract.model.MessageType;
import dev.switchboard.contract.model.ServiceContract;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.Modifier;

/**
 * {@code <Service>Events} and {@code <Service>Commands}: one method per event or command that
 * hands the payload, keyed by the contract's {@code key} field, to the starter's
 * {@code MessagePublisher} and completes when the broker confirmed it.
 */
public final class PublisherGenerator implements OutputGenerator {

    @Override
    public boolean appliesTo(ContractInput input) {
        return input.has(Role.PUBLISHER) && MessagingTypes.hasMessages(input.contract());
    }

    @Override
    public List<GeneratedFile> generate(ContractInput input) {
        List<GeneratedFile> files = new ArrayList<>();
        for (MessageDefinition.Kind kind : MessageDefinition.Kind.values()) {
            if (!MessagingTypes.of(input.contract(), kind).isEmpty()) {
                files.add(JavaFiles.source(input, publisher(input.contract(), kind)));
            }
        }
        return files;
    }

    private static TypeSpec.Builder publisher(ServiceContract contract, MessageDefinition.Kind kind) {
        TypeSpec.Builder spec = TypeSpec.classBuilder(MessagingTypes.publisher(contract, kind))
                .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
                .addJavadoc(kind == MessageDefinition.Kind.EVENT
                        ? "Publishes the events of {@code $L}: every subscribing service gets each one.\n"
                        : "Sends the commands of {@code $L}: one instance of the consuming service handles each.\n",
                        contract.service())
                .addField(FieldSpec.builder(MessagingTypes.MESSAGE_PUBLISHER, "publisher", Modifier.PRIVATE, Modifier.FINAL).build())
                .addMethod(MethodSpec.constructorBuilder()
                        .addModifiers(Modifier.PUBLIC)
                        .addParameter(MessagingTypes.MESSAGE_PUBLISHER, "publisher")
                        .addStatement("this.publisher = publisher")
                        .build());
        for (MessageDefinition message : MessagingTypes.of(contract, kind)) {
            spec.addMethod(method(contract, message));
        }
        return spec;
    }

    private static MethodSpec method(ServiceContract contract, MessageDefinition message) {
        ClassName payload = JavaNames.type(contract, message.payload());
        String parameter = message.kind() == MessageDefinition.Kind.EVENT ? "event" : "command";
        MethodSpec.Builder method = MethodSpec.methodBuilder(message.name())
                .addModifiers(Modifier.PUBLIC)
                .returns(ParameterizedTypeName.get(MessagingTypes.COMPLETABLE_FUTURE, ClassName.get(Void.class)))
                .addParameter(payload, parameter);
        if (message.doc() != null && !message.doc().isBlank()) {
            method.addJavadoc("$L\n\n<p>", message.doc().strip());
        }
        method.addJavadoc("Completes once the broker has confirmed the message.\n");
        return method.addStatement("return publisher.publish($T.$L,$W$L,$W$L)", MessagingTypes.messages(contract),
                MessagingTypes.constant(message), parameter, key(contract, message, parameter)).build();
    }

    /** The partitioning key: the contract's {@code key} field of the payload as a string, or null. */
    private static CodeBlock key(ServiceContract contract, MessageDefinition message, String parameter) {
        if (message.key() == null) {
            return CodeBlock.of("null");
        }
        MessageType payload = contract.messageType(message.payload());
        Field field = payload.fields().stream().filter(f -> f.name().equals(message.key())).findFirst().orElseThrow();
        CodeBlock value = CodeBlock.of("$L.$L()", parameter, JavaNames.component(field));
        return field.optional()
                ? CodeBlock.of("$L == null ? null : $T.valueOf($L)", value, String.class, value)
                : CodeBlock.of("$T.valueOf($L)", String.class, value);
    }
}
