package dev.switchboard.contract.model;

import dev.switchboard.contract.Position;
import java.util.List;

/**
 * The REST mapping of an operation, written {@code METHOD /path/{field}}. Path variables name
 * input fields; GET and DELETE take the other fields as query parameters, other methods as the JSON body.
 */
public record HttpBinding(HttpMethod method, String path, List<String> pathVariables, Position position) {

    public HttpBinding {
        pathVariables = List.copyOf(pathVariables);
    }

    public boolean hasBody() {
        return method.hasBody();
    }

    public enum HttpMethod {
        GET, POST, PUT, PATCH, DELETE;

        public boolean hasBody() {
            return this != GET && this != DELETE;
        }
    }
}
