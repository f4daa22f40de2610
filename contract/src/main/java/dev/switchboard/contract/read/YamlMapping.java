package dev.switchboard.contract.read;

import dev.switchboard.contract.Position;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * One YAML mapping of the contract, keyed by its scalar keys in file order. Reports duplicate keys,
 * unknown keys and values of the wrong kind, naming the element ({@code what}) they belong to.
 */
final class YamlMapping {

    private final MappingNode node;
    private final String what;
    private final Problems problems;
    private final Map<String, NodeTuple> entries = new LinkedHashMap<>();

    private YamlMapping(MappingNode node, String what, Problems problems) {
        this.node = node;
        this.what = what;
        this.problems = problems;
        for (NodeTuple tuple : node.getValue()) {
            if (!(tuple.getKeyNode() instanceof ScalarNode key) || key.getTag().equals(Tag.NULL)) {
                problems.add(tuple.getKeyNode(), "a key of " + what + " is not a plain name",
                        "write keys as plain names, e.g. name: value");
                continue;
            }
            NodeTuple first = entries.putIfAbsent(key.getValue(), tuple);
            if (first != null) {
                problems.add(key, "duplicate key " + key.getValue() + " in " + what
                                + " (first at line " + (first.getKeyNode().getStartMark().getLine() + 1) + ")",
                        "keep one " + key.getValue() + " and remove the other");
            }
        }
    }

    /** The mapping view of {@code node}, or null (reported) when it is not a mapping. */
    static YamlMapping of(Node node, String what, String example, Problems problems) {
        if (node instanceof MappingNode mapping) {
            return new YamlMapping(mapping, what, problems);
        }
        problems.add(node, what + " must be a mapping, not " + describe(node), "write it as " + example);
        return null;
    }

    /** How a node that has the wrong kind is named in a message. */
    static String describe(Node node) {
        if (node instanceof SequenceNode) {
            return "a list";
        }
        if (node instanceof MappingNode) {
            return "a mapping";
        }
        ScalarNode scalar = (ScalarNode) node;
        return scalar.getTag().equals(Tag.NULL) ? "empty" : "the value '" + scalar.getValue() + "'";
    }

    MappingNode node() {
        return node;
    }

    String what() {
        return what;
    }

    Position position() {
        return problems.at(node);
    }

    /** Reports each key outside {@code allowed}, suggesting the closest allowed key. */
    YamlMapping allowOnly(List<String> allowed) {
        for (NodeTuple tuple : entries.values()) {
            String key = ((ScalarNode) tuple.getKeyNode()).getValue();
            if (key.equals("<<")) {
                problems.add(tuple.getKeyNode(), what + " uses a YAML merge key (<<)",
                        "write the keys out: merge keys are not part of the contract format");
            } else if (!allowed.contains(key)) {
                problems.add(tuple.getKeyNode(), what + " has unknown key " + key,
                        Suggestions.didYouMean(key, allowed, "remove it; allowed keys: " + String.join(", ", allowed)));
            }
        }
        return this;
    }

    Set<String> keys() {
        return entries.keySet();
    }

    /** The entries in file order (first of duplicates only). */
    Iterable<NodeTuple> entries() {
        return entries.values();
    }

    boolean has(String key) {
        return entries.containsKey(key);
    }

    Node value(String key) {
        NodeTuple tuple = entries.get(key);
        return tuple == null ? null : tuple.getValueNode();
    }

    Node keyNode(String key) {
        NodeTuple tuple = entries.get(key);
        return tuple == null ? null : tuple.getKeyNode();
    }

    /** Reports a missing required key at the mapping itself. */
    boolean require(String key, Node reportAt, String fix) {
        if (has(key)) {
            return true;
        }
        problems.add(reportAt, what + " has no " + key, fix);
        return false;
    }

    /** The scalar under {@code key}; null when absent, or (reported) when not a single value or empty. */
    ScalarNode scalar(String key) {
        Node value = value(key);
        if (value == null) {
            return null;
        }
        if (!(value instanceof ScalarNode scalar)) {
            problems.add(value, key + " of " + what + " must be a single value, not " + describe(value),
                    "write " + key + ": <value>");
            return null;
        }
        if (scalar.getTag().equals(Tag.NULL)) {
            problems.add(keyNode(key), key + " of " + what + " is empty",
                    "write a value after " + key + ": or remove the key");
            return null;
        }
        return scalar;
    }

    String text(String key) {
        ScalarNode scalar = scalar(key);
        return scalar == null ? null : scalar.getValue();
    }

    Boolean bool(String key) {
        ScalarNode scalar = scalar(key);
        if (scalar == null) {
            return null;
        }
        if (!scalar.getTag().equals(Tag.BOOL)) {
            problems.add(scalar, key + " of " + what + " must be true or false, not '" + scalar.getValue() + "'",
                    "write " + key + ": true or " + key + ": false");
            return null;
        }
        return Boolean.valueOf(scalar.getValue().toLowerCase(Locale.ROOT).matches("true|yes|on|y"));
    }

    /** A whole number that fits an int; larger values are reported as out of int range. */
    Integer integer(String key) {
        ScalarNode scalar = scalar(key);
        return scalar == null ? null
                : Scalars.integer(scalar, key + " of " + what, "write a whole number, e.g. " + key + ": 3", problems);
    }

    BigDecimal number(String key) {
        ScalarNode scalar = scalar(key);
        return scalar == null ? null : Scalars.number(scalar, key + " of " + what, problems);
    }

    Duration duration(String key) {
        ScalarNode scalar = scalar(key);
        return scalar == null ? null : DurationParser.parse(scalar, key + " of " + what, problems);
    }
}
