package dev.switchboard.runtime.pipeline;

import dev.switchboard.runtime.SwitchboardException;
import java.util.function.Supplier;

/**
 * A transport's side of one request/response call in the {@link ServerPipeline}: how the input is
 * read and how the answer, or the failure, is written.
 *
 * @param <I> the handler's input
 * @param <O> the handler's output
 * @param <R> what the transport answers with (an HTTP response; nothing for gRPC, which writes to its observer)
 */
public interface UnaryExchange<I, O, R> extends IncomingCall {

    /** The input, read from the request once the call is admitted; the pipeline validates it. */
    I decode();

    /**
     * Answers an admitted call. {@code output} decodes and validates the input, checks the deadline and
     * runs the handler in its call context; the transport writes what it returns. It may answer without
     * calling it (REST replays the answer kept under an idempotency key).
     */
    R respond(Supplier<O> output);

    /** Answers a call that failed: rejected, invalid, too late, or failed in its handler. */
    R failed(SwitchboardException failure);

    /** The failure {@code answer} stands for when nothing threw it (a replayed error response); null for a success. */
    default SwitchboardException failureOf(R answer) {
        return null;
    }
}
