package dev.switchboard.codegen.spec;

import static dev.switchboard.codegen.spec.YamlDocument.map;

import dev.switchboard.contract.model.ErrorDefinition;
import dev.switchboard.contract.model.Field;
import dev.switchboard.contract.model.HttpBinding;
import dev.switchboard.contract.model.MessageType;
import dev.switchboard.contract.model.Operation;
import dev.switchboard.contract.model.ServiceContract;
import dev.switchboard.contract.model.TypeRef;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The {@code paths} of an OpenAPI document: how each HTTP binding takes its input (path, query or
 * body) and what it answers, following the binding rules of the contract format.
 */
final class OpenApiPaths {

    private static final String PROBLEM_JSON = "application/problem+json";

    private final ServiceContract contract;
    private final JsonSchemas schemas;
    private final OpenApiSecurity security;
    private final String problemRef;

    OpenApiPaths(ServiceContract contract, JsonSchemas schemas, OpenApiSecurity security, String problemRef) {
        this.contract = contract;
        this.schemas = schemas;
        this.security = security;
        this.problemRef = problemRef;
    }

    /** Path items in order of first appearance; operations sharing a path share its item. */
    Map<String, Object> paths(List<Operation> operations) {
        Map<String, Object> paths = new LinkedHashMap<>();
        for (Operation operation : operations) {
            HttpBinding http = operation.http();
            @SuppressWarnings("unchecked")
            Map<String, Object> item = (Map<String, Object>) paths.computeIfAbsent(http.path(), p -> new LinkedHashMap<>());
            item.put(http.method().name().toLowerCase(Locale.ROOT), operation(operation));
        }
        return paths;
    }

    private Map<String, Object> operation(Operation operation) {
        HttpBinding http = operation.http();
        MessageType input = contract.messageType(operation.input());
        String summary = summary(operation);
        String description = operation.doc() == null || operation.doc().strip().equals(summary)
                ? null : operation.doc().strip();
        List<Object> parameters = parameters(http, input);
        Object requestBody = http.hasBody()
                ? map("required", true, "content", map("application/json", map("schema", JsonSchemas.ref(input.name()))))
                : null;
        return map(
                "tags", List.of(contract.service()),
                "operationId", operation.name(),
                "summary", summary,
                "description", description,
                "parameters", parameters.isEmpty() ? null : parameters,
                "requestBody", requestBody,
                "responses", responses(operation),
                "security", security.requirement(operation));
    }

    /** Path variables always; on GET and DELETE, every other input field as a query parameter. */
    private List<Object> parameters(HttpBinding http, MessageType input) {
        List<Object> parameters = new ArrayList<>();
        for (String variable : http.pathVariables()) {
            Field field = field(input, variable);
            parameters.add(map(
                    "name", variable,
                    "in", "path",
                    "description", blankToNull(field.doc()),
                    "required", true,
                    "schema", schemas.fieldSchema(field, false)));
        }
        if (!http.hasBody()) {
            for (Field field : input.fields()) {
                if (!http.pathVariables().contains(field.name())) {
                    parameters.add(queryParameter(field));
                }
            }
        }
        return parameters;
    }

    private Map<String, Object> queryParameter(Field field) {
        Map<String, Object> parameter = map(
                "name", field.name(),
                "in", "query",
                "description", blankToNull(field.doc()),
                "required", schemas.isRequired(field) ? true : null);
        Map<String, Object> schema = schemas.fieldSchema(field, false);
        if (isStructured(field.type())) {
            // An object has no plain query form; it travels as one JSON-valued parameter.
            parameter.put("content", map("application/json", map("schema", schema)));
        } else if (field.type() instanceof TypeRef.ListOf) {
            parameter.put("style", "form");
            parameter.put("explode", true);
            parameter.put("schema", schema);
        } else {
            parameter.put("schema", schema);
        }
        return parameter;
    }

    /** Objects, maps and lists of them: values a query string cannot spell as plain text. */
    private boolean isStructured(TypeRef type) {
        if (type instanceof TypeRef.ListOf list) {
            return isStructured(list.element());
        }
        return type instanceof TypeRef.MapOf
                || (type instanceof TypeRef.Named named && contract.type(named.name()).orElse(null) instanceof MessageType);
    }

    private Map<String, Object> responses(Operation operation) {
        Map<String, Object> responses = new LinkedHashMap<>();
        responses.put("200", operation.outputStream() ? eventStream(operation.output()) : map(
                "description", "The " + operation.output() + ".",
                "content", map("application/json", map("schema", JsonSchemas.ref(operation.output())))));

        Map<Integer, List<String>> byStatus = new TreeMap<>();
        byStatus.computeIfAbsent(400, s -> new ArrayList<>())
                .add("The request breaks the contract's constraints (INVALID_ARGUMENT); `violations` lists each one.");
        security.refusals(operation).forEach((status, cause) -> byStatus.computeIfAbsent(status, s -> new ArrayList<>())
                .add(cause));
        for (String errorName : operation.errors()) {
            ErrorDefinition error = contract.error(errorName)
                    .orElseThrow(() -> new IllegalArgumentException("no error " + errorName + " in " + contract.service()));
            byStatus.computeIfAbsent(ErrorCodes.httpStatus(error.code()), s -> new ArrayList<>()).add(describe(error));
        }
        byStatus.forEach((status, causes) -> responses.put(Integer.toString(status), problem(String.join(" Or: ", causes))));
        responses.put("default", problem("Any other failure, e.g. UNAVAILABLE (503) or DEADLINE_EXCEEDED (504)."));
        return responses;
    }

    private static Map<String, Object> eventStream(String output) {
        String each = "A stream of server-sent events; each event's data is a JSON " + output + ".";
        return map(
                "description", each,
                "content", map("text/event-stream", map("schema", map("type", "string", "description", each))));
    }

    private Map<String, Object> problem(String description) {
        return map("description", description, "content", map(PROBLEM_JSON, map("schema", map("$ref", problemRef))));
    }

    /** {@code OrderNotFound (NOT_FOUND): order {id} not found.} */
    private static String describe(ErrorDefinition error) {
        String text = blankToNull(error.doc()) != null ? error.doc().strip() : blankToNull(error.message());
        String head = error.name() + " (" + error.code() + ")";
        if (text == null) {
            return head + ".";
        }
        return head + ": " + text + (text.endsWith(".") ? "" : ".");
    }

    private static Field field(MessageType input, String name) {
        return input.fields().stream().filter(f -> f.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("path variable {" + name + "} names no field of " + input.name()));
    }

    /**
     * The first line of the doc, which tools show as a one-line summary; without a doc, the operation's name in
     * words ({@code placeOrder} → "Place order"), so no operation is listed blank.
     */
    static String summary(Operation operation) {
        String text = blankToNull(operation.doc());
        return text == null ? words(operation.name()) : text.lines().findFirst().orElse(text).strip();
    }

    /** {@code getOrderById} → "Get order by id"; acronyms stay whole ({@code exportPDF} → "Export PDF"). */
    static String words(String camelCase) {
        String spaced = camelCase
                .replaceAll("([a-z0-9])([A-Z])", "$1 $2")
                .replaceAll("([A-Z]+)([A-Z][a-z])", "$1 $2")
                .replace('_', ' ');
        StringBuilder sentence = new StringBuilder();
        for (String word : spaced.split(" +")) {
            boolean acronym = word.length() > 1 && word.equals(word.toUpperCase(Locale.ROOT));
            String shown = sentence.length() == 0 || acronym ? word : word.toLowerCase(Locale.ROOT);
            sentence.append(sentence.length() == 0 ? "" : " ").append(shown);
        }
        return sentence.isEmpty() ? camelCase
                : Character.toUpperCase(sentence.charAt(0)) + sentence.substring(1);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
