package dev.switchboard.rest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.http.HttpMethod;

/**
 * One outgoing call's HTTP shape, built by a generated client: method, path template with its
 * variables, query parameters and JSON body. Null and absent values are left out, as the server
 * reads an absent parameter as its default. Immutable.
 */
public final class RestRequest {

    private final HttpMethod method;
    private final String pathTemplate;
    private final Map<String, String> pathVariables;
    private final List<Map.Entry<String, String>> query;
    private final Map<String, Object> jsonQuery;
    private final Object body;

    private RestRequest(HttpMethod method, String pathTemplate, Map<String, String> pathVariables,
            List<Map.Entry<String, String>> query, Map<String, Object> jsonQuery, Object body) {
        this.method = method;
        this.pathTemplate = pathTemplate;
        this.pathVariables = pathVariables;
        this.query = query;
        this.jsonQuery = jsonQuery;
        this.body = body;
    }

    public static RestRequest of(HttpMethod method, String pathTemplate) {
        return new RestRequest(Objects.requireNonNull(method, "method"), Objects.requireNonNull(pathTemplate, "pathTemplate"),
                Map.of(), List.of(), Map.of(), null);
    }

    public <T> RestRequest path(String name, T value, RestValue<T> type) {
        Map<String, String> variables = new LinkedHashMap<>(pathVariables);
        variables.put(name, value == null ? "" : type.format(value));
        return new RestRequest(method, pathTemplate, variables, query, jsonQuery, body);
    }

    public <T> RestRequest query(String name, T value, RestValue<T> type) {
        if (value == null || value.equals(type.absent())) {
            return this;
        }
        List<Map.Entry<String, String>> parameters = new ArrayList<>(query);
        parameters.add(Map.entry(name, type.format(value)));
        return new RestRequest(method, pathTemplate, pathVariables, parameters, jsonQuery, body);
    }

    public <T> RestRequest queryList(String name, List<T> values, RestValue<T> type) {
        if (values == null || values.isEmpty()) {
            return this;
        }
        List<Map.Entry<String, String>> parameters = new ArrayList<>(query);
        values.forEach(value -> parameters.add(Map.entry(name, type.format(value))));
        return new RestRequest(method, pathTemplate, pathVariables, parameters, jsonQuery, body);
    }

    /** A structured value (object, map, list of objects) as one JSON-valued query parameter. */
    public RestRequest queryJson(String name, Object value) {
        if (value == null || (value instanceof Map<?, ?> map && map.isEmpty())
                || (value instanceof List<?> list && list.isEmpty())) {
            return this;
        }
        Map<String, Object> parameters = new LinkedHashMap<>(jsonQuery);
        parameters.put(name, value);
        return new RestRequest(method, pathTemplate, pathVariables, query, parameters, body);
    }

    public RestRequest body(Object body) {
        return new RestRequest(method, pathTemplate, pathVariables, query, jsonQuery, body);
    }

    public HttpMethod method() {
        return method;
    }

    public String pathTemplate() {
        return pathTemplate;
    }

    /** Path variables, already spelled for the URL (not yet encoded). */
    public Map<String, String> pathVariables() {
        return pathVariables;
    }

    /** Plain query parameters in order, spelled (not yet encoded); a name repeats for lists. */
    public List<Map.Entry<String, String>> query() {
        return query;
    }

    /** Query parameters to be sent as JSON text. */
    public Map<String, Object> jsonQuery() {
        return jsonQuery;
    }

    /** The JSON body, or null. */
    public Object body() {
        return body;
    }
}
