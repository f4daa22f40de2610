package dev.switchboard.contract.read;

import dev.switchboard.contract.model.HttpBinding;
import dev.switchboard.contract.model.Operation;
import dev.switchboard.contract.model.Policies;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/** Reads the {@code operations:} block, in file order. */
final class OperationReader {

    static final List<String> OPERATION_KEYS = Stream.concat(
            Stream.of("doc", "input", "output", "http", "idempotent", "errors", "public", "scopes"),
            PolicyReader.POLICY_KEYS.stream()).toList();

    private static final Pattern STREAM = Pattern.compile("stream\\s+(\\S.*)");

    private final Problems problems;
    private final PolicyReader policyReader;

    OperationReader(Problems problems, PolicyReader policyReader) {
        this.problems = problems;
        this.policyReader = policyReader;
    }

    List<Operation> read(Node operationsNode) {
        List<Operation> operations = new ArrayList<>();
        YamlMapping block = YamlMapping.of(operationsNode, "operations",
                "a mapping of operation names, e.g. getOrder: { input: GetOrderRequest, output: Order }", problems);
        if (block == null) {
            return operations;
        }
        for (NodeTuple entry : block.entries()) {
            Operation operation = readOperation((ScalarNode) entry.getKeyNode(), entry.getValueNode());
            if (operation != null) {
                operations.add(operation);
            }
        }
        return operations;
    }

    private Operation readOperation(ScalarNode nameNode, Node value) {
        String name = nameNode.getValue();
        YamlMapping operation = YamlMapping.of(value, "operation " + name,
                "{ input: <MessageType>, output: <MessageType> }", problems);
        if (operation == null) {
            return null;
        }
        operation.allowOnly(OPERATION_KEYS);
        operation.require("input", nameNode, "add input: <MessageType>, e.g. input: " + pascal(name) + "Request");
        operation.require("output", nameNode, "add output: <MessageType>");
        String input = operation.text("input");
        String output = operation.text("output");
        Matcher inputStream = STREAM.matcher(input == null ? "" : input.trim());
        Matcher outputStream = STREAM.matcher(output == null ? "" : output.trim());
        ScalarNode httpNode = operation.scalar("http");
        HttpBinding http = httpNode == null ? null : HttpParser.parse(httpNode, "operation " + name, problems);
        Boolean idempotent = operation.bool("idempotent");
        List<String> errors = readNames(operation, "errors", "error", "write errors: [OrderNotFound, OutOfStock]");
        Policies policies = policyReader.read(operation);
        Boolean isPublic = operation.bool("public");
        List<String> scopes = readNames(operation, "scopes", "scope", "write scopes: [orders:read]");
        return new Operation(name,
                inputStream.matches() ? inputStream.group(1).trim() : trim(input), inputStream.matches(),
                outputStream.matches() ? outputStream.group(1).trim() : trim(output), outputStream.matches(),
                http, Boolean.TRUE.equals(idempotent), errors, policies, Boolean.TRUE.equals(isPublic), scopes,
                operation.text("doc"), problems.at(nameNode));
    }

    /** A list of names under {@code key}, e.g. {@code errors: [OrderNotFound]}; empty when absent. */
    private List<String> readNames(YamlMapping operation, String key, String noun, String example) {
        List<String> names = new ArrayList<>();
        Node node = operation.value(key);
        if (node == null) {
            return names;
        }
        if (!(node instanceof SequenceNode list)) {
            problems.add(node, key + " of " + operation.what() + " must be a list, not " + YamlMapping.describe(node),
                    example);
            return names;
        }
        for (Node item : list.getValue()) {
            if (item instanceof ScalarNode scalar && !scalar.getTag().equals(Tag.NULL)) {
                names.add(scalar.getValue());
            } else {
                problems.add(item, key + " of " + operation.what() + " must list " + noun + " names, not "
                        + YamlMapping.describe(item), example);
            }
        }
        return names;
    }

    private static String trim(String text) {
        return text == null ? null : text.trim();
    }

    private static String pascal(String name) {
        return name.isEmpty() ? name : Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }
}
