package dev.switchboard.contract.check;

import dev.switchboard.contract.Position;
import dev.switchboard.contract.model.ErrorDefinition;
import dev.switchboard.contract.read.Suggestions;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Contract errors: a canonical code (it decides HTTP status and retries) and a well-formed message template. */
final class ErrorRules {

    /** The gRPC status codes other than OK, in number order. */
    static final List<String> CODES = List.of("CANCELLED", "UNKNOWN", "INVALID_ARGUMENT", "DEADLINE_EXCEEDED",
            "NOT_FOUND", "ALREADY_EXISTS", "PERMISSION_DENIED", "RESOURCE_EXHAUSTED", "FAILED_PRECONDITION",
            "ABORTED", "OUT_OF_RANGE", "UNIMPLEMENTED", "INTERNAL", "UNAVAILABLE", "DATA_LOSS", "UNAUTHENTICATED");

    private static final Pattern BRACES = Pattern.compile("\\{([^{}]*)}");
    private static final Pattern PLACEHOLDER_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private final Context context;

    ErrorRules(Context context) {
        this.context = context;
    }

    void check(ErrorDefinition error) {
        String subject = "error " + error.name();
        if (error.code() != null && !CODES.contains(error.code())) {
            Position position = context.at(error.position(), "errors", error.name(), "code");
            if (error.code().equals("OK")) {
                context.report(position, subject + " has code OK, but OK is not an error",
                        "use the code that says what went wrong, e.g. NOT_FOUND or FAILED_PRECONDITION");
            } else {
                context.report(position, subject + " has code " + error.code() + ", which is not a gRPC status code",
                        Suggestions.didYouMean(error.code(), CODES, "use one of " + String.join(", ", CODES)));
            }
        }
        if (error.message() != null) {
            checkMessage(error, subject, context.at(error.position(), "errors", error.name(), "message"));
        }
    }

    private void checkMessage(ErrorDefinition error, String subject, Position position) {
        Matcher braces = BRACES.matcher(error.message());
        while (braces.find()) {
            if (!PLACEHOLDER_NAME.matcher(braces.group(1)).matches()) {
                context.report(position, "message of " + subject + " has placeholder " + braces.group()
                        + ", which is not a name", "write placeholders as {name}: a letter, then letters, digits or _");
                return;
            }
        }
        String rest = BRACES.matcher(error.message()).replaceAll("");
        if (rest.contains("{") || rest.contains("}")) {
            context.report(position, "message of " + subject + " has an unmatched brace",
                    "write placeholders as {name}, with one { and one }");
        }
    }
}
