package dev.switchboard.runtime.pipeline;

import dev.switchboard.runtime.SwitchboardException;

/** The transport's response stream, as the {@link ServerStream} ends it once the handler returned or threw. */
public interface ResponseStream {

    /** True once the client cancelled or went away: the stream is then not written to again. */
    boolean isCancelled();

    /** Ends the stream successfully. */
    void complete();

    /** Ends the stream with {@code failure} (a gRPC status, an SSE error event). */
    void fail(SwitchboardException failure);
}
