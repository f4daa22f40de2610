package dev.switchboard.runtime.idempotency;

/** What {@link IdempotencyStore#claim} found for a key. */
public sealed interface IdempotencyClaim {

    /** First use of the key: run the call, then {@code complete} or {@code release}. */
    record Acquired() implements IdempotencyClaim {}

    /** The key was used for the same request, which finished: answer with this. */
    record Replay(StoredResponse response) implements IdempotencyClaim {}

    /** The key was used for a different request: reject. */
    record Conflict() implements IdempotencyClaim {}

    /** The same request under this key is still running: ask the caller to retry later. */
    record InProgress() implements IdempotencyClaim {}
}
