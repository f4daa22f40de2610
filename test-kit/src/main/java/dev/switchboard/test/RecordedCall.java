package dev.switchboard.test;

import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * One call a stub received.
 *
 * @param path    the request path, path variables filled in
 * @param query   the query parameters, one value each
 * @param headers the request headers, lower-case names, first value each
 * @param body    the JSON body, or a missing node when the call had none
 */
public record RecordedCall(String operation, String method, String path, Map<String, String> query,
        Map<String, String> headers, JsonNode body) {

    public RecordedCall {
        query = Map.copyOf(query);
        headers = Map.copyOf(headers);
    }

    /** A header by name, case-insensitively, or null. */
    public String header(String name) {
        return headers.get(name.toLowerCase(java.util.Locale.ROOT));
    }
}
