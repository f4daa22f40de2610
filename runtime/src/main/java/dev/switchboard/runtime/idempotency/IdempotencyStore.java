package dev.switchboard.runtime.idempotency;

/**
 * Remembers responses by idempotency key so a repeated non-idempotent call (a client retry)
 * returns the first answer instead of acting twice. In memory by default; implement this for a
 * shared store (a database, Redis) when several instances serve one service.
 */
public interface IdempotencyStore {

    /**
     * Claims {@code key} within {@code scope} (the operation) for a request with this
     * {@code fingerprint} (a digest of what was asked).
     */
    IdempotencyClaim claim(String scope, String key, String fingerprint);

    /** Stores the final response of an acquired key for replay. */
    void complete(String scope, String key, StoredResponse response);

    /** Forgets an acquired key whose call failed in a way worth retrying. */
    void release(String scope, String key);
}
