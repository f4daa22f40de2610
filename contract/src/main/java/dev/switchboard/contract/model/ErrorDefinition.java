package dev.switchboard.contract.model;

import dev.switchboard.contract.Position;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A contract error.
 *
 * @param code    one of the 16 gRPC status codes other than OK, e.g. {@code NOT_FOUND}
 * @param message message template with {@code {placeholder}}s, or null; placeholders become
 *                constructor parameters and error details
 */
public record ErrorDefinition(String name, String code, String message, String doc, Position position) {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z_][A-Za-z0-9_]*)}");

    /** Placeholder names of the message template, in order of first appearance. */
    public List<String> placeholders() {
        List<String> names = new ArrayList<>();
        if (message != null) {
            Matcher m = PLACEHOLDER.matcher(message);
            while (m.find()) {
                if (!names.contains(m.group(1))) {
                    names.add(m.group(1));
                }
            }
        }
        return List.copyOf(names);
    }
}
