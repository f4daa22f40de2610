package dev.switchboard.runtime.stream;

/**
 * Where a handler sends the messages of a streaming response. The stream completes when the handler
 * returns and fails when it throws, so a handler never has to remember to close it.
 */
public interface StreamSink<T> {

    /** Sends one message; blocks while the peer cannot take more (flow control). */
    void send(T message);

    /** True once the peer cancelled or went away; a handler producing forever should stop then. */
    boolean isCancelled();
}
