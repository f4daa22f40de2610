package dev.switchboard.runtime.stream;

/**
 * A client's side of a bidirectional stream: send requests while reading responses.
 * Closing cancels the call if it has not completed.
 */
public interface BidiCall<I, O> extends AutoCloseable {

    /** Sends one request; blocks while the server cannot take more. */
    void send(I request);

    /** Tells the server no more requests will come. */
    void complete();

    /** The responses, in order; may be read from another thread than the one sending. */
    StreamSource<O> responses();

    @Override
    void close();
}
