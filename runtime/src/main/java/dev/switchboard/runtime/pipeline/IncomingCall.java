package dev.switchboard.runtime.pipeline;

import dev.switchboard.runtime.SwitchboardException;
import dev.switchboard.runtime.call.Deadline;

/**
 * What a transport tells the {@link ServerPipeline} about one incoming call, whatever its shape,
 * and hears back when the call ends. One instance per call; the transport may keep state in it.
 */
public interface IncomingCall {

    /** A request header (HTTP header, gRPC metadata), null when absent: the caller's trace context is read through it. */
    String header(String name);

    /**
     * The caller's deadline as the transport carries it; null when the caller set none. Throws a
     * {@link SwitchboardException} when the transport's value is malformed.
     */
    Deadline deadline();

    /** The call's observation is now current: a transport that answers or logs with the trace id reads it here. */
    default void observed() {}

    /** The call ended and its observation stopped; {@code outcome} is null for OK. For an access log, say. */
    default void finished(SwitchboardException outcome) {}
}
