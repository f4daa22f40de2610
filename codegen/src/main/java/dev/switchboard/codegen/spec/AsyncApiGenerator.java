package dev.switchboard.codegen.spec;

import static dev.switchboard.codegen.spec.YamlDocument.map;

import dev.switchboard.codegen.ContractInput;
import dev.switchboard.codegen.GeneratedFile;
import dev.switchboard.codegen.OutputGenerator;
import dev.switchboard.codegen.Role;
import dev.switchboard.codegen.java.PolicyLiterals;
import dev.switchboard.contract.ProtoNames;
import dev.switchboard.contract.model.MessageDefinition;
import dev.switchboard.contract.model.ServiceContract;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Exports the asynchronous side of a service as AsyncAPI 3.0, from the publisher's point of view:
 * a channel per event topic and command queue, one per dead-letter destination, a send operation
 * per event and command, and payloads as the same JSON Schemas OpenAPI uses.
 *
 * <p>Security (issue 17): the document declares no security schemes, even for a contract with a
 * {@code security} section. AsyncAPI security schemes say how a client connects to the broker (SASL,
 * X509 client certificates, ...) and belong to a server entry; the contract's section says who may call
 * the service's REST and gRPC operations, and the document has no servers: which broker, and how to
 * authenticate to it, is the deployment's ({@code spring.kafka.*}, {@code spring.rabbitmq.*}, NATS
 * properties), not the contract's. Declaring {@code jwt} or {@code mtls} here would tell consumers
 * something about the broker that nobody promised.
 */
public final class AsyncApiGenerator implements OutputGenerator {

    static final String FILE_NAME = "asyncapi.yaml";
    /** Marks the channels and operations of {@code ordered: true} messages, which AsyncAPI has no field for. */
    static final String ORDERED_EXTENSION = "x-switchboard-ordered";
    /** The channel of a {@code batch:} message: how its consumers take it ({@code max}, {@code wait}). */
    static final String BATCH_EXTENSION = "x-switchboard-batch";

    @Override
    public boolean appliesTo(ContractInput input) {
        return input.has(Role.PUBLISHER) && !messages(input.contract()).isEmpty();
    }

    @Override
    public List<GeneratedFile> generate(ContractInput input) {
        ServiceContract contract = input.contract();
        List<MessageDefinition> messages = messages(contract);
        String headers = OpenApiGenerator.unusedSchemaName(contract, "CloudEventHeaders");
        JsonSchemas schemas = new JsonSchemas(contract, JsonSchemas.Dialect.DRAFT_07);

        Map<String, Object> componentSchemas = new LinkedHashMap<>(
                schemas.schemasReachableFrom(messages.stream().map(MessageDefinition::payload).toList()));
        componentSchemas.put(headers, CloudEventHeaders.schema());
        Map<String, Object> componentMessages = new LinkedHashMap<>();
        for (MessageDefinition message : messages) {
            componentMessages.put(message.name(), message(message, headers));
        }

        Map<String, Object> document = map(
                "asyncapi", "3.0.0",
                "info", map(
                        "title", contract.service(),
                        "version", contract.version() != null ? contract.version() : "0.0.0",
                        "description", contract.description()),
                "defaultContentType", "application/json",
                "channels", channels(messages),
                "operations", operations(messages),
                "components", map("schemas", componentSchemas, "messages", componentMessages));
        return List.of(SpecFiles.resource(input, FILE_NAME, YamlDocument.write(SpecFiles.header(input), document)));
    }

    private static List<MessageDefinition> messages(ServiceContract contract) {
        List<MessageDefinition> all = new ArrayList<>(contract.events());
        all.addAll(contract.commands());
        return all;
    }

    /** A channel per destination, then one per distinct dead-letter destination. */
    private static Map<String, Object> channels(List<MessageDefinition> messages) {
        Map<String, Object> channels = new LinkedHashMap<>();
        for (MessageDefinition message : messages) {
            channels.put(message.name(), map(
                    "address", message.destination(),
                    "title", title(message),
                    "description", channelDescription(message),
                    ORDERED_EXTENSION, message.ordered() ? true : null,
                    BATCH_EXTENSION, message.batch() == null ? null
                            : map("max", message.batch().max(), "wait", PolicyLiterals.spelled(message.batch().maxWait())),
                    "messages", map(message.name(), messageRef(message))));
        }
        Map<String, String> deadLetterChannels = new LinkedHashMap<>();
        for (MessageDefinition message : messages) {
            String address = message.deadLetterOrDefault();
            String id = deadLetterChannels.computeIfAbsent(address,
                    a -> unusedChannelId(message.name() + "DeadLetter", channels));
            @SuppressWarnings("unchecked")
            Map<String, Object> channel = (Map<String, Object>) channels.computeIfAbsent(id, i -> map(
                    "address", address,
                    "title", "Dead letters of " + message.destination(),
                    "description", "Messages that could not be handled after every retry, or that were"
                            + " malformed, kept with the reason so none is lost.",
                    "messages", new LinkedHashMap<String, Object>()));
            @SuppressWarnings("unchecked")
            Map<String, Object> channelMessages = (Map<String, Object>) channel.get("messages");
            channelMessages.put(message.name(), messageRef(message));
        }
        return channels;
    }

    /** {@code preferred}, or it with a number appended, so no event or command named like it loses its channel. */
    private static String unusedChannelId(String preferred, Map<String, Object> channels) {
        String id = preferred;
        for (int n = 2; channels.containsKey(id); n++) {
            id = preferred + n;
        }
        return id;
    }

    private static Map<String, Object> operations(List<MessageDefinition> messages) {
        Map<String, Object> operations = new LinkedHashMap<>();
        for (MessageDefinition message : messages) {
            boolean event = message.kind() == MessageDefinition.Kind.EVENT;
            String verb = event ? "publish" : "send";
            operations.put(verb + ProtoNames.methodName(message.name()), map(
                    "action", "send",
                    "channel", map("$ref", "#/channels/" + message.name()),
                    "summary", (event ? "Publishes " : "Sends ") + message.name() + " to " + message.destination() + ".",
                    "description", blankToNull(message.doc()),
                    ORDERED_EXTENSION, message.ordered() ? true : null,
                    "messages", List.of(map("$ref", "#/channels/" + message.name() + "/messages/" + message.name()))));
        }
        return operations;
    }

    private static Map<String, Object> message(MessageDefinition message, String headersSchema) {
        String key = message.key() == null ? null : message.ordered()
                ? "Keyed by the payload field `" + message.key() + "` (the CloudEvent subject and the Kafka record"
                        + " key): each consuming service handles the messages of one key in publish order, one at a"
                        + " time, and it is the default deduplication key."
                : "Keyed by the payload field `" + message.key() + "` (the CloudEvent subject and the Kafka record"
                        + " key): Kafka keeps one key on one partition; consumers may handle messages of one key side"
                        + " by side, and it is the default deduplication key.";
        return map(
                "name", message.name(),
                "title", title(message),
                "summary", blankToNull(message.doc()),
                "description", key,
                "contentType", "application/json",
                "headers", JsonSchemas.ref(headersSchema),
                "payload", JsonSchemas.ref(message.payload()),
                "bindings", message.key() == null ? null : map("kafka", map(
                        "key", map("type", "string", "description", "The payload field " + message.key() + "."),
                        "bindingVersion", "0.5.0")));
    }

    private static String channelDescription(MessageDefinition message) {
        String delivery = message.kind() == MessageDefinition.Kind.EVENT
                ? "Publish/subscribe: every subscribing service gets a copy."
                : "Point-to-point: exactly one consumer instance handles each message.";
        String doc = blankToNull(message.doc());
        String order = message.ordered()
                ? " Ordered per " + message.key() + ": each consuming service handles the messages of one "
                        + message.key() + " in publish order, one at a time; a failing one holds back the later"
                        + " ones of its " + message.key() + " until it succeeds or is dead-lettered."
                : "";
        String batch = message.batch() == null ? ""
                : " Consumers take up to " + message.batch().max() + " at a time, acknowledged together; a failing"
                        + " batch is split down to the message that fails.";
        return (doc == null ? "" : doc + (doc.endsWith(".") ? " " : ". ")) + delivery + order + batch
                + " Messages that cannot be handled go to the dead-letter destination "
                + message.deadLetterOrDefault() + ".";
    }


    private static Map<String, Object> messageRef(MessageDefinition message) {
        return map("$ref", "#/components/messages/" + message.name());
    }

    /** {@code orderCreated} becomes "Order created (event)". */
    private static String title(MessageDefinition message) {
        String words = ProtoNames.fieldName(message.name()).replace('_', ' ');
        String kind = message.kind() == MessageDefinition.Kind.EVENT ? "event" : "command";
        return Character.toUpperCase(words.charAt(0)) + words.substring(1) + " (" + kind + ")";
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
