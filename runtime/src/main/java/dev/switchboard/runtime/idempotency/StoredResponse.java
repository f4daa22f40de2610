package dev.switchboard.runtime.idempotency;

import java.util.Map;

/**
 * A response kept for replay under an idempotency key: a status (HTTP status, or 0 where the
 * transport has none), headers worth replaying, and the body bytes.
 */
public record StoredResponse(int status, Map<String, String> headers, byte[] body) {

    public StoredResponse {
        headers = Map.copyOf(headers);
        body = body.clone();
    }

    @Override
    public byte[] body() {
        return body.clone();
    }
}
