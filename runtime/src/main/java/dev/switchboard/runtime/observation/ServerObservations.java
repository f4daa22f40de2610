package dev.switchboard.runtime.observation;

import dev.switchboard.runtime.policy.OperationDescriptor;
import io.micrometer.common.KeyValues;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.ObservationView;
import io.micrometer.observation.transport.ReceiverContext;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * How a server observes its calls. A call the transport already observes (Spring MVC's
 * {@code http.server.requests}, Spring gRPC's {@code grpc.server}: the nearest receiver's observation
 * from the current one up) is not traced a second time: {@code switchboard.call} is recorded on a registry
 * that only meters, with the same convention and so the same timer, tags and long-task timer, and
 * Switchboard's keys go onto the transport's span. Without a transport observation, or without a
 * meters-only registry, a call gets its own full observation continuing the caller's trace.
 *
 * <p>Why: the second observation (trace extraction, span, scope, meters) was the largest part of what a
 * generated server does per call beyond a hand-written one, and its span only repeated the transport's.
 */
public final class ServerObservations {

    private final ObservationRegistry registry;
    private final ObservationRegistry metersOnly;
    /** The keys a nested call puts on the transport's span, built once per operation (a small, bounded set). */
    private final Map<CallDetails, KeyValues> spanKeys = new ConcurrentHashMap<>();

    /** Every call gets its own full observation on {@code registry}. */
    public ServerObservations(ObservationRegistry registry) {
        this(registry, null);
    }

    /**
     * @param metersOnly a registry whose only handler meters (Micrometer's {@code DefaultMeterObservationHandler}),
     *                   with the application's predicates and filters; null: always observe in full
     */
    public ServerObservations(ObservationRegistry registry, ObservationRegistry metersOnly) {
        this.registry = registry;
        this.metersOnly = metersOnly;
    }

    /** A started observation of one unary call, nested in the transport's observation when there is one. */
    public Observation unary(OperationDescriptor operation, String transport, Function<String, String> headers) {
        Observation parent = metersOnly == null ? null : transportObservation(registry.getCurrentObservation());
        if (parent == null) {
            return CallObservations.server(registry, operation, transport, headers);
        }
        CallDetails call = new CallDetails(operation.service(), operation.name(), transport, CallKind.SERVER);
        parent.highCardinalityKeyValues(spanKeys.computeIfAbsent(call, details -> KeyValues.of(
                "service", details.service(), "operation", details.operation(),
                "transport", details.transport(), "kind", details.kind().value())));
        Observation.Context context = new Observation.Context();
        context.put(TransportObservation.class, new TransportObservation(parent));
        return CallObservations.start(metersOnly, context, call);
    }

    /**
     * The transport's observation of the call: the nearest receiver's observation from the current one up
     * (Spring Security, say, observes its filters inside Spring MVC's), or null.
     */
    private static Observation transportObservation(Observation current) {
        ObservationView view = current;
        while (view != null) {
            if (view instanceof Observation observation && !observation.isNoop()
                    && view.getContextView() instanceof ReceiverContext<?>) {
                return observation;
            }
            view = view.getContextView().getParentObservation();
        }
        return null;
    }

    /** A started observation of one streaming call: always its own, as it outlives the call that opened it. */
    public Observation stream(OperationDescriptor operation, String transport, Function<String, String> headers) {
        return CallObservations.server(registry, operation, transport, headers);
    }

    /** Opens the observation's scope; a nested one has none, the transport's stays current. */
    public static Observation.Scope openScope(Observation observation) {
        return observation.getContext().containsKey(TransportObservation.class)
                ? Observation.Scope.NOOP : observation.openScope();
    }

    /**
     * Records the call's outcome as soon as it is known, before the transport answers: a nested call's
     * outcome must reach the transport's span before the answer stops it (gRPC stops it on close).
     */
    public static void settled(Observation observation, Throwable failure) {
        String outcome = SwitchboardObservationConvention.outcomeOf(failure);
        observation.getContext().put(SwitchboardObservationConvention.OUTCOME, outcome);
        TransportObservation transport = observation.getContext().get(TransportObservation.class);
        if (transport != null) {
            transport.observation().highCardinalityKeyValue("outcome", outcome);
        }
    }

    /** The observation of the transport a nested call is recorded beside. */
    private record TransportObservation(Observation observation) {}
}
