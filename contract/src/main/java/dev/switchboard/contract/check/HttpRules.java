package dev.switchboard.contract.check;

import dev.switchboard.contract.model.Field;
import dev.switchboard.contract.model.HttpBinding;
import dev.switchboard.contract.model.MessageType;
import dev.switchboard.contract.model.Operation;
import dev.switchboard.contract.model.ScalarKind;
import dev.switchboard.contract.model.TypeRef;
import dev.switchboard.contract.read.Suggestions;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The REST mapping: only unary and server-streaming operations, path variables that name required
 * scalar input fields, query parameters that a URL can carry, and no two operations on one route.
 */
final class HttpRules {

    private final Context context;
    private final Map<String, Operation> routes = new HashMap<>();

    HttpRules(Context context) {
        this.context = context;
    }

    /** @param input the resolved input type, or null when it did not resolve (already reported) */
    void check(Operation operation, MessageType input) {
        HttpBinding http = operation.http();
        String owner = "operation " + operation.name();
        if (!operation.mode().restAllowed()) {
            String mode = operation.mode().name().toLowerCase(Locale.ROOT).replace('_', ' ');
            context.report(http.position(), owner + " is " + mode + ", which REST cannot carry, but has http",
                    "remove http: client- and bidi-streaming operations are gRPC only");
            return;
        }
        checkRoute(operation, http);
        if (input == null) {
            return;
        }
        Set<String> seen = new HashSet<>();
        for (String variable : http.pathVariables()) {
            if (!seen.add(variable)) {
                context.report(http.position(), "http path " + http.path() + " of " + owner + " uses {" + variable
                        + "} twice", "use each input field once in the path");
            } else {
                checkPathVariable(owner, http, input, variable);
            }
        }
        if (!http.hasBody()) {
            for (Field field : input.fields()) {
                if (!seen.contains(field.name()) && context.resolves(field.type()) && !isQueryParameter(field.type())) {
                    context.report(http.position(), owner + " uses " + http.method() + ", so field " + input.name()
                                    + "." + field.name() + " (" + field.type().spelling()
                                    + ") would be a query parameter, but query parameters can only be scalars other"
                                    + " than bytes, enums, or lists of them",
                            "use POST so the input travels as the JSON body, or change the type of " + field.name());
                }
            }
        }
    }

    private void checkPathVariable(String owner, HttpBinding http, MessageType input, String variable) {
        Field field = input.fields().stream().filter(f -> f.name().equals(variable)).findFirst().orElse(null);
        String subject = "path variable {" + variable + "} of " + owner;
        if (field == null) {
            List<String> names = input.fields().stream().map(Field::name).toList();
            context.report(http.position(), subject + " is not a field of its input " + input.name(),
                    Suggestions.didYouMean(variable, names, "name a field of " + input.name() + " in the braces"));
        } else if (field.optional()) {
            context.report(http.position(), subject + " names optional field " + input.name() + "." + variable,
                    "remove optional: true from the field, a path segment is always present");
        } else if (context.resolves(field.type()) && !isSimple(field.type())) {
            context.report(http.position(), subject + " names field " + input.name() + "." + variable + " of type "
                            + field.type().spelling() + ", but path variables must be scalars other than bytes, or enums",
                    "use a string, number, bool or enum field in the path, and carry " + variable + " in the body");
        }
    }

    private void checkRoute(Operation operation, HttpBinding http) {
        String route = http.method() + " " + http.path().replaceAll("\\{[^}]*}", "{}");
        Operation first = routes.putIfAbsent(route, operation);
        if (first != null) {
            context.report(http.position(), "http route " + http.method() + " " + http.path() + " of operation "
                            + operation.name() + " clashes with " + first.http().method() + " " + first.http().path()
                            + " of operation " + first.name(),
                    "change the method or the path of one of them");
        }
    }

    private boolean isQueryParameter(TypeRef type) {
        return isSimple(type) || (type instanceof TypeRef.ListOf list && isSimple(list.element()));
    }

    /** A scalar other than bytes, or an enum: what fits in one URL segment or query value. */
    private boolean isSimple(TypeRef type) {
        return (type instanceof TypeRef.Scalar scalar && scalar.kind() != ScalarKind.BYTES)
                || (type instanceof TypeRef.Named named && context.isEnum(named.name()));
    }
}
