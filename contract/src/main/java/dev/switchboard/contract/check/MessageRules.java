package dev.switchboard.contract.check;

import dev.switchboard.contract.Position;
import dev.switchboard.contract.model.BatchPolicy;
import dev.switchboard.contract.model.Field;
import dev.switchboard.contract.model.MessageDefinition;
import dev.switchboard.contract.model.MessageDefinition.Kind;
import dev.switchboard.contract.model.MessageType;
import dev.switchboard.contract.model.TypeRef;
import dev.switchboard.contract.read.Suggestions;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Events and commands: message-type payloads, broker-safe destination names that no two messages
 * share, a key that is a scalar or enum field of the payload (required by {@code ordered: true}), and a
 * dead-letter destination of its own.
 */
final class MessageRules {

    static final Pattern DESTINATION = Pattern.compile("[A-Za-z0-9._-]+");

    private final Context context;
    private final PolicyRules policyRules;
    private final Map<String, MessageDefinition> destinations = new HashMap<>();
    private final Map<String, MessageDefinition> everyDestination = new HashMap<>();

    MessageRules(Context context, PolicyRules policyRules) {
        this.context = context;
        this.policyRules = policyRules;
        Stream.concat(context.contract.events().stream(), context.contract.commands().stream())
                .filter(message -> message.destination() != null)
                .forEach(message -> everyDestination.putIfAbsent(message.destination(), message));
    }

    void check(MessageDefinition message) {
        String block = message.kind() == Kind.EVENT ? "events" : "commands";
        String owner = (message.kind() == Kind.EVENT ? "event " : "command ") + message.name();
        String destinationKey = message.kind() == Kind.EVENT ? "topic" : "queue";
        MessageType payload = message.payload() == null ? null
                : MessageRefs.resolve(context, message.payload(), owner, "payload", at(message, block, "payload"));
        if (message.destination() != null) {
            Position position = at(message, block, destinationKey);
            if (destinationName(message.destination(), destinationKey, owner, position)) {
                MessageDefinition first = destinations.putIfAbsent(message.destination(), message);
                if (first != null) {
                    context.report(position, destinationKey + " " + message.destination() + " of " + owner
                                    + " is already the destination of " + describe(first),
                            "give each event and command its own destination");
                }
            }
        }
        if (message.deadLetter() != null) {
            Position position = at(message, block, "deadLetter");
            if (destinationName(message.deadLetter(), "deadLetter", owner, position)
                    && message.deadLetter().equals(message.destination())) {
                context.report(position, "deadLetter " + message.deadLetter() + " of " + owner + " is its own "
                        + destinationKey, "use another destination, e.g. " + message.destination() + ".dlq");
            }
        }
        if (message.destination() != null) {
            checkDeadLetterIsNoDestination(message, owner, block, destinationKey);
        }
        if (message.key() != null && payload != null) {
            checkKey(message, payload, owner, at(message, block, "key"));
        }
        if (message.ordered() && message.key() == null) {
            // Order is kept per key: without one, every message would be its own key and nothing ordered.
            context.report(at(message, block, "ordered"), owner + " is ordered but has no key, and order is kept "
                            + "per key", "add key: <payload field> naming the field whose messages must stay in "
                            + "order (e.g. key: orderId), or remove ordered: true");
        }
        if (message.retry() != null) {
            policyRules.checkRetry(message.retry(), "retry of " + owner, block, message.name(), "retry");
        }
        if (message.batch() != null) {
            checkBatch(message, owner, block);
        }
    }

    /** A batch within bounds, and never ordered: an ordered key has one message in flight, never a batch of it. */
    private void checkBatch(MessageDefinition message, String owner, String block) {
        BatchPolicy batch = message.batch();
        if (message.ordered()) {
            context.report(at(message, block, "batch"), owner + " is both ordered and batched, but an ordered key "
                            + "has one message in flight at a time, never a batch of them",
                    "remove batch to keep per-key order, or remove ordered: true to take the messages in batches");
        }
        if (batch.max() != null && (batch.max() < 1 || batch.max() > BatchPolicy.MAX_MESSAGES)) {
            context.report(context.at(message.position(), block, message.name(), "batch", "max"), "max of the batch of "
                            + owner + " is " + batch.max() + ", but must be between 1 and " + BatchPolicy.MAX_MESSAGES,
                    "use 1 to " + BatchPolicy.MAX_MESSAGES + " messages, e.g. max: 100");
        }
        if (batch.maxWait() != null && (batch.maxWait().isZero() || batch.maxWait().compareTo(BatchPolicy.MAX_WAIT) > 0)) {
            context.report(context.at(message.position(), block, message.name(), "batch", "wait"), "wait of the batch of "
                            + owner + " is " + Context.format(batch.maxWait()) + ", but must be more than 0 and at most "
                            + Context.format(BatchPolicy.MAX_WAIT), "use a short wait, e.g. wait: 50ms");
        }
    }

    /** Dead letters sent to another message's destination would reach that message's consumers. */
    private void checkDeadLetterIsNoDestination(MessageDefinition message, String owner, String block,
            String destinationKey) {
        MessageDefinition other = everyDestination.get(message.deadLetterOrDefault());
        if (other == null || other == message) {
            return;
        }
        String otherKey = other.kind() == Kind.EVENT ? "topic" : "queue";
        String consumers = ", whose consumers would receive its dead letters";
        if (message.deadLetter() != null) {
            context.report(at(message, block, "deadLetter"), "deadLetter " + message.deadLetter() + " of " + owner
                            + " is the " + otherKey + " of " + describe(other) + consumers,
                    "use a destination no event or command uses, e.g. " + message.destination() + ".dlq");
        } else {
            context.report(at(message, block, destinationKey), owner + " sends its dead letters to "
                            + message.deadLetterOrDefault() + " by default, which is the " + otherKey + " of "
                            + describe(other) + consumers,
                    "set deadLetter of " + owner + " to a destination no event or command uses");
        }
    }

    private boolean destinationName(String name, String key, String owner, Position position) {
        if (DESTINATION.matcher(name).matches()) {
            return true;
        }
        context.report(position, key + " '" + name + "' of " + owner
                        + " has characters other than letters, digits, '.', '_' and '-'",
                "write a name such as orders.created");
        return false;
    }

    private void checkKey(MessageDefinition message, MessageType payload, String owner, Position position) {
        Field field = payload.fields().stream().filter(f -> f.name().equals(message.key())).findFirst().orElse(null);
        if (field == null) {
            context.report(position, "key " + message.key() + " of " + owner + " is not a field of its payload "
                    + payload.name(), Suggestions.didYouMean(message.key(),
                    payload.fields().stream().map(Field::name).toList(), "name a field of " + payload.name()));
        } else if (context.resolves(field.type()) && !(field.type() instanceof TypeRef.Scalar)
                && !(field.type() instanceof TypeRef.Named named && context.isEnum(named.name()))) {
            context.report(position, "key " + message.key() + " of " + owner + " names field " + payload.name() + "."
                            + field.name() + " of type " + field.type().spelling()
                            + ", but a key must be a scalar or an enum",
                    "name a scalar or enum field of " + payload.name());
        }
    }

    private static String describe(MessageDefinition message) {
        return (message.kind() == Kind.EVENT ? "event " : "command ") + message.name();
    }

    private Position at(MessageDefinition message, String block, String key) {
        return context.at(message.position(), block, message.name(), key);
    }
}
