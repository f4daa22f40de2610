package dev.switchboard.rest;

import dev.switchboard.runtime.SwitchboardException;
import dev.switchboard.runtime.policy.ClientFallback;
import dev.switchboard.runtime.policy.OperationDescriptor;
import dev.switchboard.runtime.stream.StreamSource;

/**
 * What every generated REST client delegates to, one per downstream service: the policy engine
 * around every call, trace context, the remaining deadline and idempotency keys on the way out,
 * problem+json mapped back to the contract's exceptions on the way back.
 */
public interface RestCaller {

    /** A request/response call; {@code fallback} (may be null) answers when the circuit is open or retries are spent. */
    <O> O call(OperationDescriptor operation, RestRequest request, Class<O> responseType, ClientFallback<O> fallback);

    /** A server-streaming call, read as server-sent events in order. */
    <O> StreamSource<O> stream(OperationDescriptor operation, RestRequest request, Class<O> responseType);

    /** The failure for an operation that has no HTTP binding (only reachable over gRPC). */
    SwitchboardException unsupported(OperationDescriptor operation);
}
