package dev.switchboard.runtime.observation;

import dev.switchboard.runtime.policy.OperationDescriptor;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import java.util.Map;

/**
 * How clients observe their calls, as {@link MessageObservations} does for publishes: a call made inside a trace
 * the tracer does not record (an unsampled request or message being handled) is recorded as
 * {@code switchboard.call} on a registry that only meters, and the unsampled trace context is written into the
 * call's headers, so the downstream continues the trace and keeps the decision not to sample it. Every other call
 * gets its full client observation, a span included. Why: below 100 % sampling an unsampled call cost a
 * non-recording span, its tags, events and scope, and left nothing to see but its meters.
 */
public final class ClientObservations {

    private final ObservationRegistry registry;
    private final ObservationRegistry metersOnly;
    private final UnsampledTraces unsampled;

    /** Every call gets its full observation on {@code registry}. */
    public ClientObservations(ObservationRegistry registry) {
        this(registry, null, null);
    }

    /**
     * @param metersOnly a registry whose only handler meters, with the application's predicates, filters and
     *                   conventions; null: always observe in full
     * @param unsampled  the tracer's word on unsampled traces; null: always observe in full
     */
    public ClientObservations(ObservationRegistry registry, ObservationRegistry metersOnly, UnsampledTraces unsampled) {
        this.registry = registry;
        this.metersOnly = unsampled == null ? null : metersOnly;
        this.unsampled = metersOnly == null ? null : unsampled;
    }

    /** A started observation of calling {@code operation}; the trace context is written into {@code carrier}. */
    public Observation client(OperationDescriptor operation, String transport, Map<String, String> carrier) {
        if (unsampled != null && unsampled.writeIfUnsampled(carrier)) {
            return CallObservations.start(metersOnly, new Observation.Context(),
                    new CallDetails(operation.service(), operation.name(), transport, CallKind.CLIENT));
        }
        return CallObservations.client(registry, operation, transport, carrier);
    }
}
