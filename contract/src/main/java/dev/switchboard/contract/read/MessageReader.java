package dev.switchboard.contract.read;

import dev.switchboard.contract.model.BatchPolicy;
import dev.switchboard.contract.model.MessageDefinition;
import dev.switchboard.contract.model.MessageDefinition.Kind;
import java.util.ArrayList;
import java.util.List;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;

/** Reads the {@code events:} (with a topic) and {@code commands:} (with a queue) blocks, in file order. */
final class MessageReader {

    static final List<String> EVENT_KEYS =
            List.of("doc", "payload", "topic", "key", "ordered", "batch", "retry", "deadLetter");
    static final List<String> COMMAND_KEYS =
            List.of("doc", "payload", "queue", "key", "ordered", "batch", "retry", "deadLetter");
    static final List<String> BATCH_KEYS = List.of("max", "wait");

    private final Problems problems;
    private final PolicyReader policyReader;

    MessageReader(Problems problems, PolicyReader policyReader) {
        this.problems = problems;
        this.policyReader = policyReader;
    }

    List<MessageDefinition> read(Node blockNode, Kind kind) {
        List<MessageDefinition> messages = new ArrayList<>();
        String block = kind == Kind.EVENT ? "events" : "commands";
        String example = kind == Kind.EVENT
                ? "orderCreated: { payload: Order, topic: orders.created }"
                : "cancelOrder: { payload: CancelOrderRequest, queue: orders.cancel }";
        YamlMapping mapping = YamlMapping.of(blockNode, block, "a mapping of names, e.g. " + example, problems);
        if (mapping == null) {
            return messages;
        }
        for (NodeTuple entry : mapping.entries()) {
            MessageDefinition message = readMessage((ScalarNode) entry.getKeyNode(), entry.getValueNode(), kind);
            if (message != null) {
                messages.add(message);
            }
        }
        return messages;
    }

    private MessageDefinition readMessage(ScalarNode nameNode, Node value, Kind kind) {
        String name = nameNode.getValue();
        String what = (kind == Kind.EVENT ? "event " : "command ") + name;
        String destinationKey = kind == Kind.EVENT ? "topic" : "queue";
        YamlMapping message = YamlMapping.of(value, what,
                "{ payload: <MessageType>, " + destinationKey + ": <name> }", problems);
        if (message == null) {
            return null;
        }
        message.allowOnly(kind == Kind.EVENT ? EVENT_KEYS : COMMAND_KEYS);
        message.require("payload", nameNode, "add payload: <MessageType>");
        message.require(destinationKey, nameNode, kind == Kind.EVENT
                ? "add topic: <name>, e.g. topic: orders.created"
                : "add queue: <name>, e.g. queue: orders.cancel");
        return new MessageDefinition(kind, name, message.text("payload"), message.text(destinationKey),
                message.text("key"),
                message.has("retry") ? policyReader.retry(message.value("retry"), "retry of " + what) : null,
                message.text("deadLetter"), Boolean.TRUE.equals(message.bool("ordered")),
                message.has("batch") ? batch(message.value("batch"), "batch of " + what) : null, message.text("doc"),
                problems.at(nameNode));
    }

    private BatchPolicy batch(Node node, String what) {
        YamlMapping batch = YamlMapping.of(node, what, "{ max: 100, wait: 50ms }", problems);
        if (batch == null) {
            return null;
        }
        batch.allowOnly(BATCH_KEYS);
        batch.require("max", node, "add max: <messages>, e.g. max: 100");
        batch.require("wait", node, "add wait: <duration>, e.g. wait: 50ms");
        return new BatchPolicy(batch.integer("max"), batch.duration("wait"));
    }
}
