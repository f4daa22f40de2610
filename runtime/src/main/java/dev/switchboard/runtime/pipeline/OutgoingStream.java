package dev.switchboard.runtime.pipeline;

import dev.switchboard.runtime.resilience.ClientAttempt;
import java.util.Map;

/**
 * A transport's side of opening one streaming call in the {@link ClientPipeline}.
 *
 * @param <S> what the caller gets: a response stream, a bidirectional call, or the one answer of a client stream
 */
@FunctionalInterface
public interface OutgoingStream<S> {

    /**
     * Prepares the one attempt that opens the stream.
     *
     * @param headers the call's outgoing headers, holding its trace context
     * @param outcome what the opened stream reports exactly once, when it ends
     */
    ClientAttempt<S> prepare(Map<String, String> headers, StreamOutcome outcome);
}
