package dev.switchboard.runtime.pipeline;

import dev.switchboard.runtime.SwitchboardException;
import dev.switchboard.runtime.call.CallContext;
import dev.switchboard.runtime.call.Deadline;
import dev.switchboard.runtime.policy.OperationDescriptor;
import dev.switchboard.runtime.resilience.ServerPolicy;
import dev.switchboard.runtime.security.Caller;
import io.micrometer.observation.Observation;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * A streaming call the {@link ServerPipeline} admitted, whose handler has yet to run. It holds the
 * call's permit and observation until {@link #run} has run the handler and ended the response stream:
 * completed, failed with the handler's error, or (the client cancelled) left alone and recorded as
 * CANCELLED.
 *
 * @param <I> the one request of a server stream (null for request streams)
 */
public final class ServerStream<I> {

    private final ServerPipeline pipeline;
    private final OperationDescriptor operation;
    private final IncomingCall call;
    private final Observation observation;
    private final Deadline deadline;
    private final Caller caller;
    private final ServerPolicy.Permit permit;
    private final I input;
    private final AtomicBoolean started = new AtomicBoolean();

    ServerStream(ServerPipeline pipeline, OperationDescriptor operation, IncomingCall call, Observation observation,
            Deadline deadline, Caller caller, ServerPolicy.Permit permit, I input) {
        this.pipeline = pipeline;
        this.operation = operation;
        this.call = call;
        this.observation = observation;
        this.deadline = deadline;
        this.caller = caller;
        this.permit = permit;
        this.input = input;
    }

    /**
     * Runs {@code handler} with the validated request in the call's context and observation, on the
     * calling thread, then ends {@code responses}. Runs once.
     */
    public void run(ResponseStream responses, Consumer<I> handler) {
        if (!started.compareAndSet(false, true)) {
            throw new IllegalStateException(operation.fullName() + ": a stream runs once");
        }
        SwitchboardException failure = null;
        try {
            try (Observation.Scope scope = observation.openScope();
                    CallContext.Scope context = CallContext.enter(operation, deadline, caller)) {
                handler.accept(input);
            } catch (SwitchboardException e) {
                failure = e;
            } catch (RuntimeException bug) {
                // Once the client is gone, a handler failing to write is no bug of its own.
                failure = responses.isCancelled() ? ServerPipeline.cancelled(operation) : pipeline.mapped(operation, bug);
            } finally {
                permit.close();
            }
            boolean cancelled = responses.isCancelled();
            if (failure == null && cancelled) {
                failure = ServerPipeline.cancelled(operation);
            }
            if (!cancelled) {
                if (failure == null) {
                    responses.complete();
                } else {
                    responses.fail(failure);
                }
            }
        } finally {
            pipeline.finish(observation, call, failure);
        }
    }

    /** Gives up a stream that was never run, freeing its permit; false when it already runs. */
    boolean abandon() {
        if (!started.compareAndSet(false, true)) {
            return false;
        }
        permit.close();
        return true;
    }
}
