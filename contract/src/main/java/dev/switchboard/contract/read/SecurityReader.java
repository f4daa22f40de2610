package dev.switchboard.contract.read;

import dev.switchboard.contract.model.Security;
import dev.switchboard.contract.model.Security.Scheme;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Reads the {@code security:} section. Unknown schemes are reported here, because the model holds
 * only schemes the runtime and the exporters know; the remaining rules are in the validator.
 */
final class SecurityReader {

    static final List<String> SECURITY_KEYS = List.of("schemes", "scopes");

    /** RFC 6749 section 3.3: {@code scope-token = 1*( %x21 / %x23-5B / %x5D-7E )}. */
    private static final Pattern SCOPE_TOKEN = Pattern.compile("[\\x21\\x23-\\x5B\\x5D-\\x7E]+");

    private static final String EXAMPLE = "{ schemes: [jwt], scopes: { orders:read: Read orders } }";

    private final Problems problems;

    SecurityReader(Problems problems) {
        this.problems = problems;
    }

    /** The section, possibly incomplete when problems were reported; null when it is not a mapping (reported). */
    Security read(Node node) {
        YamlMapping section = YamlMapping.of(node, "security", EXAMPLE, problems);
        if (section == null) {
            return null;
        }
        section.allowOnly(SECURITY_KEYS);
        section.require("schemes", node, "add schemes: the ways callers authenticate, one or more of "
                + String.join(", ", Scheme.spellings()) + ", e.g. schemes: [jwt]");
        List<Scheme> schemes = section.has("schemes") ? schemes(section.value("schemes")) : List.of();
        Map<String, String> scopes = section.has("scopes") ? scopes(section.value("scopes")) : Map.of();
        return new Security(schemes, scopes, problems.at(node));
    }

    private List<Scheme> schemes(Node node) {
        List<Scheme> schemes = new ArrayList<>();
        String example = "write schemes: [jwt] or schemes: [jwt, mtls]";
        if (!(node instanceof SequenceNode list)) {
            problems.add(node, "schemes of security must be a list, not " + YamlMapping.describe(node), example);
            return schemes;
        }
        if (list.getValue().isEmpty()) {
            problems.add(node, "schemes of security is empty, so no caller could authenticate",
                    "list one or more of " + String.join(", ", Scheme.spellings()) + ", e.g. schemes: [jwt]");
        }
        for (Node item : list.getValue()) {
            if (!(item instanceof ScalarNode scalar) || scalar.getTag().equals(Tag.NULL)) {
                problems.add(item, "schemes of security must list scheme names, not " + YamlMapping.describe(item),
                        example);
                continue;
            }
            Scheme known = Scheme.of(scalar.getValue()).orElse(null);
            if (known != null && schemes.contains(known)) {
                problems.add(scalar, "schemes of security lists " + known.spelling() + " twice",
                        "remove the second " + known.spelling());
            } else if (known != null) {
                schemes.add(known);
            } else {
                problems.add(scalar,
                    "security has unknown scheme " + scalar.getValue(), Suggestions.didYouMean(scalar.getValue(),
                            Scheme.spellings(), "use one of " + String.join(", ", Scheme.spellings())
                                    + " (jwt: an OAuth2 bearer JWT; mtls: a client certificate)"));
            }
        }
        return schemes;
    }

    private Map<String, String> scopes(Node node) {
        Map<String, String> scopes = new LinkedHashMap<>();
        YamlMapping block = YamlMapping.of(node, "scopes of security",
                "a mapping of scope names to what they grant, e.g. orders:read: Read orders", problems);
        if (block == null) {
            return scopes;
        }
        for (NodeTuple entry : block.entries()) {
            String name = ((ScalarNode) entry.getKeyNode()).getValue();
            if (!SCOPE_TOKEN.matcher(name).matches()) {
                problems.add(entry.getKeyNode(), "scope '" + name + "' of security is not a valid OAuth2 scope"
                        + " (RFC 6749: printable ASCII without spaces, double quotes or backslashes)",
                        "write it as one token, e.g. " + name.trim().replaceAll("[\\s\"\\\\]+", ":"));
            }
            Node value = entry.getValueNode();
            if (value instanceof ScalarNode grants && !grants.getTag().equals(Tag.NULL)) {
                scopes.put(name, grants.getValue());
                continue;
            }
            // Kept without a description, so that operations requiring it are not reported as well.
            scopes.put(name, "");
            problems.add(value instanceof ScalarNode ? entry.getKeyNode() : value, "scope " + name
                    + " of security must say what it grants, not " + YamlMapping.describe(value),
                    "write a short description, e.g. " + name + ": Read orders");
        }
        return scopes;
    }
}
