package dev.switchboard.contract.read;

import dev.switchboard.contract.Position;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Where each value of the contract was written, by its path of keys (and list indexes), e.g.
 * {@code types / Order / fields / items / tag}. The validator works on the model and uses this to
 * point at the most precise node. For duplicate keys the first occurrence counts, as in the model.
 */
public final class Locations {

    /** Bounds the walk: YAML aliases can make a small file an exponentially large (or cyclic) tree. */
    private static final int MAX_ENTRIES = 100_000;

    private final Map<List<String>, Position> values = new HashMap<>();
    private final Set<Node> onPath = Collections.newSetFromMap(new IdentityHashMap<>());

    Locations(Node root, Problems problems) {
        index(root, List.of(), problems);
    }

    private void index(Node node, List<String> path, Problems problems) {
        if (values.size() >= MAX_ENTRIES || !onPath.add(node)) {
            return;
        }
        values.putIfAbsent(path, problems.at(node));
        if (node instanceof MappingNode mapping) {
            for (NodeTuple tuple : mapping.getValue()) {
                if (tuple.getKeyNode() instanceof ScalarNode key) {
                    index(tuple.getValueNode(), append(path, key.getValue()), problems);
                }
            }
        } else if (node instanceof SequenceNode sequence) {
            for (int i = 0; i < sequence.getValue().size(); i++) {
                index(sequence.getValue().get(i), append(path, Integer.toString(i)), problems);
            }
        }
        onPath.remove(node);
    }

    private static List<String> append(List<String> path, String segment) {
        String[] segments = path.toArray(new String[path.size() + 1]);
        segments[path.size()] = segment;
        return List.of(segments);
    }

    /** The position of the value at {@code path}, or {@code fallback} when nothing was written there. */
    public Position valueOr(Position fallback, String... path) {
        return values.getOrDefault(List.of(path), fallback);
    }
}
