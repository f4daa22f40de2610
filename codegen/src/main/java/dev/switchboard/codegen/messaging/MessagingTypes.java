package dev.switchboard.codegen.messaging;

import com.palantir.javapoet.ClassName;
import dev.switchboard.contract.ProtoNames;
import dev.switchboard.contract.model.MessageDefinition;
import dev.switchboard.contract.model.ServiceContract;
import java.util.List;

/** The runtime types generated messaging code refers to, and the names of its classes. */
final class MessagingTypes {

    static final String MESSAGING = "dev.switchboard.runtime.messaging";

    static final ClassName MESSAGE_DESCRIPTOR = ClassName.get(MESSAGING, "MessageDescriptor");
    static final ClassName SERVED_MESSAGES = ClassName.get(MESSAGING, "ServedMessages");
    static final ClassName MESSAGE_PUBLISHER = ClassName.get(MESSAGING, "MessagePublisher");
    static final ClassName MESSAGE_LISTENERS = ClassName.get(MESSAGING, "MessageListeners");
    static final ClassName MESSAGE_SUBSCRIPTIONS = ClassName.get(MESSAGING, "MessageSubscriptions");
    static final ClassName COMPLETABLE_FUTURE = ClassName.get("java.util.concurrent", "CompletableFuture");

    private MessagingTypes() {}

    static ClassName messages(ServiceContract contract) {
        return ClassName.get(contract.javaPackage(), contract.service() + "Messages");
    }

    /** {@code OrdersEvents} or {@code OrdersCommands}: the publisher of one kind. */
    static ClassName publisher(ServiceContract contract, MessageDefinition.Kind kind) {
        return ClassName.get(contract.javaPackage(), contract.service() + plural(kind));
    }

    /** {@code OrdersEventsHandler} or {@code OrdersCommandsHandler}: what a consumer implements. */
    static ClassName handler(ServiceContract contract, MessageDefinition.Kind kind) {
        return ClassName.get(contract.javaPackage(), contract.service() + plural(kind) + "Handler");
    }

    static ClassName configuration(ServiceContract contract) {
        return ClassName.get(contract.javaPackage(), contract.service() + "MessagingConfiguration");
    }

    static String plural(MessageDefinition.Kind kind) {
        return kind == MessageDefinition.Kind.EVENT ? "Events" : "Commands";
    }

    /** {@code orderCreated} → {@code ORDER_CREATED}. */
    static String constant(MessageDefinition message) {
        return ProtoNames.enumPrefix(message.name());
    }

    static List<MessageDefinition> of(ServiceContract contract, MessageDefinition.Kind kind) {
        return kind == MessageDefinition.Kind.EVENT ? contract.events() : contract.commands();
    }

    static boolean hasMessages(ServiceContract contract) {
        return !contract.events().isEmpty() || !contract.commands().isEmpty();
    }
}
