package dev.switchboard.runtime.pipeline;

import dev.switchboard.runtime.resilience.ClientAttempt;
import java.util.Map;

/** A transport's side of one request/response call in the {@link ClientPipeline}. */
@FunctionalInterface
public interface OutgoingCall<O> {

    /**
     * Prepares the call once, inside its observation: what every attempt sends alike (a URL, a body,
     * an idempotency key put in {@code headers}). Returns the attempt the policy runs, each time over
     * the transport, mapping what the transport reports to the error taxonomy.
     *
     * @param headers the call's outgoing headers, holding its trace context; every attempt sends them
     */
    ClientAttempt<O> prepare(Map<String, String> headers);
}
