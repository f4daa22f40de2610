package dev.switchboard.rest.server;

import dev.switchboard.runtime.validation.ConstraintViolation;
import dev.switchboard.runtime.validation.ValidationException;
import dev.switchboard.rest.RestCall;
import dev.switchboard.rest.RestValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * One request's values, read leniently: a bad path or query value becomes a violation and the
 * absent value, so every problem of the request is reported at once. A body that cannot be read
 * stops decoding at once (nothing sensible can be built from it), with what was found so far.
 */
final class DefaultRestCall implements RestCall {

    private final Map<String, String> pathVariables;
    private final Supplier<Map<String, List<String>>> queryOfRequest;
    private final Supplier<byte[]> bodyOfRequest;
    private Map<String, List<String>> query;
    private byte[] body;
    private final JsonMapper json;
    private final List<ConstraintViolation> violations = new ArrayList<>();

    /** The query and the body are read when the decoder first asks: a read by path variable reads neither. */
    DefaultRestCall(Map<String, String> pathVariables, Supplier<Map<String, List<String>>> query, Supplier<byte[]> body,
            JsonMapper json) {
        this.pathVariables = pathVariables;
        this.queryOfRequest = query;
        this.bodyOfRequest = body;
        this.json = json;
    }

    private Map<String, List<String>> query() {
        if (query == null) {
            query = queryOfRequest.get();
        }
        return query;
    }

    @Override
    public <T> T path(String name, RestValue<T> type) {
        String text = pathVariables.get(name);
        return text == null ? type.absent() : parse(name, text, type);
    }

    @Override
    public <T> T query(String name, RestValue<T> type) {
        String text = first(name);
        return text == null ? type.absent() : parse(name, text, type);
    }

    @Override
    public <T> T optionalQuery(String name, RestValue<T> type) {
        String text = first(name);
        return text == null ? null : parse(name, text, type);
    }

    @Override
    public <T> List<T> queryList(String name, RestValue<T> type) {
        List<String> texts = query().getOrDefault(name, List.of());
        List<T> values = new ArrayList<>(texts.size());
        for (int i = 0; i < texts.size(); i++) {
            values.add(parse(name + "[" + i + "]", texts.get(i), type));
        }
        return values;
    }

    @Override
    public <T> T queryJson(String name, TypeReference<T> type) {
        String text = first(name);
        if (text == null) {
            return null;
        }
        try {
            return json.readValue(text, type);
        } catch (JacksonException invalid) {
            violations.add(new ConstraintViolation(name, "must be JSON: " + invalid.getOriginalMessage()));
            return null;
        }
    }

    @Override
    public <T> T body(Class<T> type) {
        if (body == null) {
            body = bodyOfRequest.get();
        }
        if (body.length == 0) {
            violations.add(new ConstraintViolation("body", "is required: send the input as JSON"));
            throw new ValidationException(violations);
        }
        T value;
        try {
            value = json.readValue(body, type);
        } catch (JacksonException invalid) {
            violations.add(JsonProblems.violation(invalid));
            throw new ValidationException(violations);
        }
        if (value == null) {
            violations.add(new ConstraintViolation("body", "is required: send the input as JSON, not null"));
            throw new ValidationException(violations);
        }
        return value;
    }

    /** Throws every violation found while reading, if any. */
    void requireReadable() {
        if (!violations.isEmpty()) {
            throw new ValidationException(violations);
        }
    }

    private String first(String name) {
        List<String> values = query().get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    private <T> T parse(String field, String text, RestValue<T> type) {
        try {
            return type.parse(text);
        } catch (IllegalArgumentException invalid) {
            violations.add(new ConstraintViolation(field, invalid.getMessage()));
            return type.absent();
        }
    }
}
