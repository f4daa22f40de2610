package dev.switchboard.runtime.pipeline;

import dev.switchboard.runtime.SwitchboardException;

/**
 * How a client stream ended, as its transport reports it to the {@link ClientPipeline}, which stops the
 * call's observation with it. Only the first report counts, so a transport may report from whichever
 * callback sees the end first.
 */
public interface StreamOutcome {

    /** Reports nothing: for streams no observation follows (the requests a server reads). */
    StreamOutcome NONE = new StreamOutcome() {
        @Override
        public void completed() {}

        @Override
        public void failed(SwitchboardException failure) {}

        @Override
        public void closedByCaller() {}
    };

    /** The peer completed the stream and the reader saw its end. */
    void completed();

    /** The stream ended with {@code failure}, the peer's error or a broken connection. */
    void failed(SwitchboardException failure);

    /** The caller closed the stream before its end: recorded as CANCELLED. */
    void closedByCaller();
}
