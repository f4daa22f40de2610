package dev.switchboard.test;

import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * One call a stub received, over REST or gRPC.
 *
 * @param transport {@code rest} or {@code grpc}
 * @param method    the HTTP method ({@code POST} for every gRPC call)
 * @param path      the request path, path variables filled in; for gRPC {@code /<package>.<Service>/<Method>}
 * @param query     the query parameters, one value each (none over gRPC)
 * @param headers   the request headers (gRPC metadata), lower-case names, first value each
 * @param body      the JSON body, or a missing node when the call had none; a gRPC request as the same JSON its
 *                  REST form would be, a client stream as an array of them
 */
public record RecordedCall(String operation, String transport, String method, String path, Map<String, String> query,
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
