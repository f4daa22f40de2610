package dev.switchboard.contract.read;

import java.util.ArrayList;
import java.util.List;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Repairs {@code { type: map<string,string>, tag: 1 }}: inside a flow mapping YAML ends a plain value
 * at each comma, so the type arrives as {@code type: map<string} followed by a key {@code string>}
 * without a value. The pieces are joined back while the angle brackets are unbalanced, so the natural
 * spelling works in both block and flow style.
 */
final class FlowTypeJoiner {

    private FlowTypeJoiner() {}

    static Node join(Node fieldNode) {
        if (!(fieldNode instanceof MappingNode mapping) || mapping.getFlowStyle() != DumperOptions.FlowStyle.FLOW) {
            return fieldNode;
        }
        List<NodeTuple> tuples = mapping.getValue();
        List<NodeTuple> joined = new ArrayList<>(tuples.size());
        for (int i = 0; i < tuples.size(); i++) {
            NodeTuple tuple = tuples.get(i);
            if (isPlain(tuple.getKeyNode(), "type") && tuple.getValueNode() instanceof ScalarNode type
                    && type.getScalarStyle() == DumperOptions.ScalarStyle.PLAIN) {
                StringBuilder text = new StringBuilder(type.getValue());
                ScalarNode last = type;
                while (depth(text) > 0 && i + 1 < tuples.size() && isDangling(tuples.get(i + 1))) {
                    last = (ScalarNode) tuples.get(++i).getKeyNode();
                    text.append(',').append(last.getValue().trim());
                }
                ScalarNode merged = new ScalarNode(Tag.STR, text.toString(), type.getStartMark(), last.getEndMark(),
                        DumperOptions.ScalarStyle.PLAIN);
                joined.add(new NodeTuple(tuple.getKeyNode(), merged));
            } else {
                joined.add(tuple);
            }
        }
        return new MappingNode(mapping.getTag(), true, joined, mapping.getStartMark(), mapping.getEndMark(),
                mapping.getFlowStyle());
    }

    private static boolean isPlain(Node node, String value) {
        return node instanceof ScalarNode scalar && scalar.getValue().equals(value);
    }

    /** A plain key without a value: what is left of a type after a comma. */
    private static boolean isDangling(NodeTuple tuple) {
        return tuple.getKeyNode() instanceof ScalarNode key
                && key.getScalarStyle() == DumperOptions.ScalarStyle.PLAIN
                && tuple.getValueNode() instanceof ScalarNode value
                && value.getTag().equals(Tag.NULL) && value.getValue().isEmpty();
    }

    private static int depth(CharSequence text) {
        int depth = 0;
        for (int i = 0; i < text.length(); i++) {
            depth += text.charAt(i) == '<' ? 1 : text.charAt(i) == '>' ? -1 : 0;
        }
        return depth;
    }
}
