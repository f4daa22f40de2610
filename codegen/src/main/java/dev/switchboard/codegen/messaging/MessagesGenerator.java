package dev.switchboard.codegen.messaging;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeSpec;
import dev.switchboard.codegen.ContractInput;
import dev.switchboard.codegen.GeneratedFile;
import dev.switchboard.codegen.OutputGenerator;
import dev.switchboard.codegen.Role;
import dev.switchboard.codegen.java.JavaFiles;
import dev.switchboard.codegen.java.JavaNames;
import dev.switchboard.codegen.java.PolicyLiterals;
import dev.switchboard.contract.model.MessageDefinition;
import dev.switchboard.contract.model.RetryPolicy;
import dev.switchboard.contract.model.ServiceContract;
import java.util.List;
import java.util.stream.Stream;
import javax.lang.model.element.Modifier;

/**
 * {@code <Service>Messages}: every event and command as the transports see it (destination,
 * dead-letter destination, CloudEvent type, the consumer's retry policy: the service's retry
 * overridden by the message's own, the payload's protobuf codec, and the publisher's policy: the
 * service's timeout, deadline and retry, shared by every message in one {@code PUBLISHING} constant).
 */
public final class MessagesGenerator implements OutputGenerator {

    private static final ClassName RETRY_SETTINGS = ClassName.get("dev.switchboard.runtime.policy", "RetrySettings");
    private static final ClassName SETTINGS = ClassName.get("dev.switchboard.runtime.policy", "PolicySettings");
    private static final ClassName BATCH = ClassName.get(MessagingTypes.MESSAGING, "Subscription", "Batch");
    private static final String PUBLISHING = "PUBLISHING";

    @Override
    public boolean appliesTo(ContractInput input) {
        return (input.has(Role.PUBLISHER) || input.has(Role.CONSUMER)) && MessagingTypes.hasMessages(input.contract());
    }

    @Override
    public List<GeneratedFile> generate(ContractInput input) {
        ServiceContract contract = input.contract();
        TypeSpec.Builder spec = TypeSpec.classBuilder(MessagingTypes.messages(contract))
                .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
                .addJavadoc("The events and commands of {@code $L} as every broker sees them.\n", contract.service())
                .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build());
        CodeBlock publishing = PolicyLiterals.publishing(contract.policies());
        if (publishing != null) {
            spec.addField(FieldSpec.builder(SETTINGS, PUBLISHING, Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
                    .addJavadoc("How every message is published: the service's timeout, deadline and retry.\n")
                    .initializer(publishing)
                    .build());
        }
        Stream.concat(contract.events().stream(), contract.commands().stream())
                .forEach(message -> spec.addField(descriptor(contract, message, publishing != null)));
        return List.of(JavaFiles.source(input, spec));
    }

    private static FieldSpec descriptor(ServiceContract contract, MessageDefinition message, boolean publishing) {
        ClassName descriptor = MessagingTypes.MESSAGE_DESCRIPTOR;
        RetryPolicy service = contract.policies().retry();
        RetryPolicy retry = service == null ? message.retry() : service.overriddenBy(message.retry());
        FieldSpec.Builder field = FieldSpec.builder(descriptor, MessagingTypes.constant(message),
                Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL);
        if (message.doc() != null && !message.doc().isBlank()) {
            field.addJavadoc("$L\n", message.doc().strip());
        }
        ClassName payload = JavaNames.type(contract, message.payload());
        String arguments = "new $T(\n$>$>$S,$W$S,$W$T.Kind.$L,\n$S,$W$S,$W$S,\n$L,\n$T.INSTANCE,$W$L$L)$<$<";
        return field.initializer(arguments, descriptor,
                        contract.service(), message.name(), descriptor, message.kind().name(),
                        contract.javaPackage() + "." + message.name(), message.destination(),
                        message.deadLetterOrDefault(),
                        retry == null ? CodeBlock.of("$T.NONE", RETRY_SETTINGS) : PolicyLiterals.retry(retry),
                        payload.peerClass(payload.simpleName() + "ProtoCodec"), message.ordered(),
                        tail(message, publishing))
                .build();
    }

    /** The publishing policy, when the service has one or the batch follows it, then the batch. */
    private static CodeBlock tail(MessageDefinition message, boolean publishing) {
        CodeBlock.Builder tail = CodeBlock.builder();
        if (publishing) {
            tail.add(",\n$L", PUBLISHING);
        } else if (message.batch() != null) {
            tail.add(",\n$T.NONE", SETTINGS);
        }
        if (message.batch() != null) {
            tail.add(",\nnew $T($L,$W$L)", BATCH, message.batch().max(),
                    PolicyLiterals.duration(message.batch().maxWait()));
        }
        return tail.build();
    }
}
