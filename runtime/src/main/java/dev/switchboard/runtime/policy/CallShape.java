package dev.switchboard.runtime.policy;

/** How many messages travel each way; decides what a transport may retry and how it streams. */
public enum CallShape {
    UNARY,
    SERVER_STREAM,
    CLIENT_STREAM,
    BIDI_STREAM;

    /** Whether the caller gets a stream back. */
    public boolean streamsResponses() {
        return this == SERVER_STREAM || this == BIDI_STREAM;
    }

    /** Whether the caller sends a stream. */
    public boolean streamsRequests() {
        return this == CLIENT_STREAM || this == BIDI_STREAM;
    }
}
