package dev.switchboard.contract.read;

import dev.switchboard.contract.model.ErrorDefinition;
import dev.switchboard.contract.model.MessageDefinition;
import dev.switchboard.contract.model.Policies;
import dev.switchboard.contract.model.Security;
import dev.switchboard.contract.model.ServiceContract;
import java.util.ArrayList;
import java.util.List;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * Turns the YAML node tree of a contract into model records. Reports structural problems (unknown
 * keys, wrong kinds of values, bad numbers and durations, missing required keys) and carries on,
 * leaving out only what cannot be built, so that validation can still report everything else.
 */
public final class ContractReader {

    static final List<String> TOP_LEVEL_KEYS = List.of("switchboard", "service", "package", "version",
            "description", "policies", "security", "types", "errors", "operations", "events", "commands");
    static final List<String> ERROR_KEYS = List.of("code", "message", "doc");

    /** The format version this reader understands. */
    public static final int FORMAT_VERSION = 1;

    private final Problems problems;
    private final PolicyReader policyReader;

    public ContractReader(Problems problems) {
        this.problems = problems;
        this.policyReader = new PolicyReader(problems);
    }

    /** The result of reading: the model, possibly incomplete when problems were reported, and positions. */
    public record Result(ServiceContract contract, Locations locations) {}

    /** Reads the document's root node; null when the root is not a mapping (reported). */
    public Result read(Node root) {
        YamlMapping top = YamlMapping.of(root, "the contract",
                "keys such as switchboard: 1, service: Orders, package: com.example.orders", problems);
        if (top == null) {
            return null;
        }
        top.allowOnly(TOP_LEVEL_KEYS);
        top.require("switchboard", root, "add switchboard: " + FORMAT_VERSION + " as the first line");
        top.require("service", root, "add service: <Name>, e.g. service: Orders");
        top.require("package", root, "add package: <java.package>, e.g. package: com.example.orders");
        Integer format = top.integer("switchboard");
        if (format != null && format != FORMAT_VERSION) {
            problems.add(top.value("switchboard"), "switchboard is " + format
                    + ", but this version of Switchboard reads format " + FORMAT_VERSION, "write switchboard: "
                    + FORMAT_VERSION);
        }
        Policies policies = Policies.NONE;
        if (top.has("policies")) {
            YamlMapping block = YamlMapping.of(top.value("policies"), "policies",
                    "{ timeout: 2s, retry: { attempts: 3 } }", problems);
            if (block != null) {
                policies = policyReader.read(block.allowOnly(PolicyReader.POLICY_KEYS));
            }
        }
        Security security = top.has("security") ? new SecurityReader(problems).read(top.value("security")) : null;
        MessageReader messageReader = new MessageReader(problems, policyReader);
        ServiceContract contract = new ServiceContract(
                format == null ? FORMAT_VERSION : format,
                top.text("service"),
                top.text("package"),
                top.text("version"),
                top.text("description"),
                policies,
                security,
                top.has("types") ? new TypeReader(problems).read(top.value("types")) : List.of(),
                top.has("errors") ? readErrors(top.value("errors")) : List.of(),
                top.has("operations")
                        ? new OperationReader(problems, policyReader).read(top.value("operations")) : List.of(),
                top.has("events") ? messageReader.read(top.value("events"), MessageDefinition.Kind.EVENT) : List.of(),
                top.has("commands")
                        ? messageReader.read(top.value("commands"), MessageDefinition.Kind.COMMAND) : List.of(),
                problems.at(root));
        return new Result(contract, new Locations(root, problems));
    }

    private List<ErrorDefinition> readErrors(Node errorsNode) {
        List<ErrorDefinition> errors = new ArrayList<>();
        YamlMapping block = YamlMapping.of(errorsNode, "errors",
                "a mapping of error names, e.g. OrderNotFound: { code: NOT_FOUND }", problems);
        if (block == null) {
            return errors;
        }
        for (NodeTuple entry : block.entries()) {
            ScalarNode nameNode = (ScalarNode) entry.getKeyNode();
            YamlMapping error = YamlMapping.of(entry.getValueNode(), "error " + nameNode.getValue(),
                    "{ code: NOT_FOUND, message: \"order {id} not found\" }", problems);
            if (error == null) {
                continue;
            }
            error.allowOnly(ERROR_KEYS);
            error.require("code", nameNode, "add code: <gRPC status code>, e.g. code: NOT_FOUND");
            errors.add(new ErrorDefinition(nameNode.getValue(), error.text("code"), error.text("message"),
                    error.text("doc"), problems.at(nameNode)));
        }
        return errors;
    }
}
