package dev.switchboard.contract.read;

import dev.switchboard.contract.model.HttpBinding;
import dev.switchboard.contract.model.HttpBinding.HttpMethod;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * Reads an operation's {@code http: METHOD /path/{field}}. Only the spelling is checked here; the
 * validator checks that variables name input fields and that routes do not clash.
 */
final class HttpParser {

    private static final Pattern LITERAL = Pattern.compile("[A-Za-z0-9._~-]+");
    private static final Pattern VARIABLE = Pattern.compile("\\{([a-z][A-Za-z0-9]*)}");
    private static final String METHODS = "GET, POST, PUT, PATCH, DELETE";

    private HttpParser() {}

    /** The binding, or null (reported). */
    static HttpBinding parse(ScalarNode scalar, String operation, Problems problems) {
        String text = scalar.getValue().trim();
        String[] parts = text.split("\\s+");
        if (parts.length != 2) {
            problems.add(scalar, "http of " + operation + " is '" + text + "', which is not METHOD /path",
                    "write the method and the path, e.g. http: GET /orders/{id}");
            return null;
        }
        HttpMethod method = method(parts[0], scalar, operation, problems);
        List<String> variables = pathVariables(parts[1], scalar, operation, problems);
        return method == null || variables == null ? null
                : new HttpBinding(method, parts[1], variables, problems.at(scalar));
    }

    private static HttpMethod method(String text, ScalarNode scalar, String operation, Problems problems) {
        for (HttpMethod method : HttpMethod.values()) {
            if (method.name().equals(text)) {
                return method;
            }
        }
        boolean wrongCase = Arrays.stream(HttpMethod.values())
                .anyMatch(m -> m.name().equals(text.toUpperCase(Locale.ROOT)));
        problems.add(scalar, "http of " + operation + " uses method " + text + ", which is not supported",
                wrongCase ? "write it in capitals: " + text.toUpperCase(Locale.ROOT) : "use one of " + METHODS);
        return null;
    }

    private static List<String> pathVariables(String path, ScalarNode scalar, String operation, Problems problems) {
        if (!path.startsWith("/")) {
            problems.add(scalar, "http path " + path + " of " + operation + " does not start with /",
                    "write /" + path);
            return null;
        }
        List<String> variables = new ArrayList<>();
        if (path.equals("/")) {
            return variables;
        }
        boolean valid = true;
        for (String segment : path.substring(1).split("/", -1)) {
            Matcher variable = VARIABLE.matcher(segment);
            if (variable.matches()) {
                variables.add(variable.group(1));
            } else if (segment.isEmpty()) {
                problems.add(scalar, "http path " + path + " of " + operation + " has an empty segment",
                        "remove the extra / (no // and no trailing /)");
                valid = false;
            } else if (!LITERAL.matcher(segment).matches()) {
                problems.add(scalar, "http path segment " + segment + " of " + operation
                                + " is neither a literal nor a {field} variable",
                        "write literal segments of letters, digits, '.', '_', '~' and '-', or a whole segment"
                                + " {field} naming a camelCase input field");
                valid = false;
            }
        }
        return valid ? variables : null;
    }
}
