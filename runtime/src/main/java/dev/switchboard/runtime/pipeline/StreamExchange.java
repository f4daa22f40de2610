package dev.switchboard.runtime.pipeline;

import dev.switchboard.runtime.SwitchboardException;

/**
 * A transport's side of one streaming call in the {@link ServerPipeline}. The call is admitted when
 * it opens; its handler runs later, perhaps on another thread, through {@link ServerStream#run}.
 *
 * @param <I> the one request of a server stream; unused by request streams
 * @param <R> what the transport answers the opening with
 */
public interface StreamExchange<I, R> extends IncomingCall {

    /**
     * The one request of a server stream, read once the call is admitted; the pipeline validates it.
     * Request streams (client and bidirectional) answer null: their messages are validated as the
     * handler reads them, with {@link ServerPipeline#validated}.
     */
    I decode();

    /** Starts an admitted stream: the transport runs it ({@link ServerStream#run}), now or on a thread of its own. */
    R accepted(ServerStream<I> stream);

    /** Answers a stream refused before its handler ran: rejected, invalid or too late. */
    R rejected(SwitchboardException failure);
}
