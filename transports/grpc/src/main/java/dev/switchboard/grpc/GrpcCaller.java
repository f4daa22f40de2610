package dev.switchboard.grpc;

import dev.switchboard.runtime.policy.ClientFallback;
import dev.switchboard.runtime.policy.OperationDescriptor;
import dev.switchboard.runtime.stream.BidiCall;
import dev.switchboard.runtime.stream.StreamSource;
import io.grpc.MethodDescriptor;

/**
 * What every generated gRPC client delegates to, one per downstream service: the policy engine
 * around every call (the only layer that retries: grpc-java's own retry is off), the deadline as
 * a gRPC deadline, trace context in the metadata, and statuses mapped back to the contract's
 * exceptions.
 */
public interface GrpcCaller {

    /** A request/response call; {@code fallback} (may be null) answers when the circuit is open or retries are spent. */
    <I, O> O unary(OperationDescriptor operation, MethodDescriptor<I, O> method, I request, ClientFallback<O> fallback);

    /** A server-streaming call; the responses arrive in order and closing the source cancels the call. */
    <I, O> StreamSource<O> serverStreaming(OperationDescriptor operation, MethodDescriptor<I, O> method, I request);

    /** A client-streaming call: sends every request, honouring flow control, then waits for the answer. */
    <I, O> O clientStreaming(OperationDescriptor operation, MethodDescriptor<I, O> method, Iterable<I> requests);

    /** A bidirectional call, open until both sides complete or the caller closes it. */
    <I, O> BidiCall<I, O> bidiStreaming(OperationDescriptor operation, MethodDescriptor<I, O> method);
}
