package dev.switchboard.runtime.stream;

/**
 * The messages of a stream as they arrive: iteration blocks until the next message, ends when the
 * peer completes, and throws the peer's error. Closing before the end cancels the stream.
 */
public interface StreamSource<T> extends Iterable<T>, AutoCloseable {

    @Override
    void close();
}
