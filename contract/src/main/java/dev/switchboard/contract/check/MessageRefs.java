package dev.switchboard.contract.check;

import dev.switchboard.contract.Position;
import dev.switchboard.contract.model.MessageType;
import dev.switchboard.contract.model.TypeRef;
import dev.switchboard.contract.read.Suggestions;
import dev.switchboard.contract.read.TypeRefParser;

/** Resolves the operation inputs/outputs and message payloads, which must all name message types. */
final class MessageRefs {

    private MessageRefs() {}

    /**
     * The message type {@code name} refers to, or null (reported).
     *
     * @param owner e.g. "operation getOrder"
     * @param key   e.g. "input"
     */
    static MessageType resolve(Context context, String name, String owner, String key, Position position) {
        MessageType message = context.messageType(name);
        if (message != null) {
            return message;
        }
        String subject = owner + " has " + key + " " + name;
        String wrap = "wrap it in a message type, e.g. a type with a field value: { type: " + name + ", tag: 1 }";
        TypeRef parsed = TypeRefParser.parse(name);
        if (context.isEnum(name)) {
            context.report(position, subject + ", which is an enum, not a message type", wrap);
        } else if (parsed instanceof TypeRef.Scalar) {
            context.report(position, subject + ", which is a scalar, not a message type", wrap);
        } else if (parsed instanceof TypeRef.ListOf || parsed instanceof TypeRef.MapOf) {
            context.report(position, subject + ", which is a " + (parsed instanceof TypeRef.ListOf ? "list" : "map")
                    + ", not a message type", wrap);
        } else {
            context.report(position, subject + ", which is not a declared type", Suggestions.didYouMean(name,
                    context.contract.messageTypes().stream().map(MessageType::name).toList(),
                    "declare " + name + " under types"));
        }
        return null;
    }
}
