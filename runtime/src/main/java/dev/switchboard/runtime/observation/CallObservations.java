package dev.switchboard.runtime.observation;

import dev.switchboard.runtime.policy.OperationDescriptor;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.transport.Kind;
import io.micrometer.observation.transport.ReceiverContext;
import io.micrometer.observation.transport.RequestReplyReceiverContext;
import io.micrometer.observation.transport.RequestReplySenderContext;
import io.micrometer.observation.transport.SenderContext;
import java.util.Map;
import java.util.function.Function;

/**
 * Starts the observations every transport records, all named {@value #NAME} with the same
 * low-cardinality keys: {@code service}, {@code operation}, {@code transport}, {@code kind},
 * {@code outcome} ({@code OK} or the error code). Client and producer observations use
 * Micrometer's sender contexts, so a tracing handler writes the W3C trace context into the
 * header carrier; server and consumer observations use receiver contexts, which read it back:
 * one trace spans every hop.
 */
public final class CallObservations {

    public static final String NAME = "switchboard.call";

    /**
     * What happened inside a call besides its outcome, as events on its observation: Micrometer's meter handler
     * counts each as {@code switchboard.call.<event>} with the call's tags (Prometheus
     * {@code switchboard_call_retry_total}, ...), which dashboards and alerts are built on.
     */
    public static final Observation.Event RETRY = Observation.Event.of("retry", "another attempt of the call or delivery");
    public static final Observation.Event CIRCUIT_OPEN =
            Observation.Event.of("circuit.open", "refused at once: the downstream's circuit is open");
    public static final Observation.Event DEAD_LETTER =
            Observation.Event.of("dead.letter", "the message goes to the dead-letter destination");

    private CallObservations() {}

    /** A started client observation; trace headers are written into {@code carrier}. */
    public static Observation client(
            ObservationRegistry registry, OperationDescriptor operation, String transport, Map<String, String> carrier) {
        RequestReplySenderContext<Map<String, String>, Object> context =
                new RequestReplySenderContext<>((headers, key, value) -> headers.put(key, value));
        context.setCarrier(carrier);
        context.setRemoteServiceName(operation.service());
        return start(registry, context, new CallDetails(operation.service(), operation.name(), transport, CallKind.CLIENT));
    }

    /** A started server observation continuing the trace found by {@code headers} (name → value or null). */
    public static Observation server(
            ObservationRegistry registry, OperationDescriptor operation, String transport, Function<String, String> headers) {
        RequestReplyReceiverContext<Function<String, String>, Object> context =
                new RequestReplyReceiverContext<>((carrier, key) -> carrier.apply(key));
        context.setCarrier(headers);
        return start(registry, context, new CallDetails(operation.service(), operation.name(), transport, CallKind.SERVER));
    }

    /** A started producer observation for publishing {@code message} of {@code service}. */
    public static Observation producer(
            ObservationRegistry registry, String service, String message, String transport, Map<String, String> carrier) {
        SenderContext<Map<String, String>> context =
                new SenderContext<>((headers, key, value) -> headers.put(key, value), Kind.PRODUCER);
        context.setCarrier(carrier);
        context.setRemoteServiceName(transport);
        return start(registry, context, new CallDetails(service, message, transport, CallKind.PRODUCER));
    }

    /** A started consumer observation for handling {@code message} of {@code service}. */
    public static Observation consumer(
            ObservationRegistry registry, String service, String message, String transport, Function<String, String> headers) {
        ReceiverContext<Function<String, String>> context =
                new ReceiverContext<>((carrier, key) -> carrier.apply(key), Kind.CONSUMER);
        context.setCarrier(headers);
        context.setRemoteServiceName(transport);
        return start(registry, context, new CallDetails(service, message, transport, CallKind.CONSUMER));
    }

    /**
     * Records the outcome ({@code OK} when {@code failure} is null, else its error code), reports the error and stops.
     *
     * <p>Where an observation has a scope, stop it inside the scope, before the scope closes: the tracing meter
     * handler records the timer (and its exemplar) with the observation's span current, and when the span is
     * already current it does not make it current a second time. Stopped after the scope, every call paid for a
     * second scope: the trace context switched in and out again, with its MDC and baggage events.
     */
    public static void stop(Observation observation, Throwable failure) {
        ServerObservations.settled(observation, failure);
        if (failure != null) {
            observation.error(failure);
        }
        observation.stop();
    }

    static Observation start(ObservationRegistry registry, Observation.Context context, CallDetails call) {
        context.put(CallDetails.class, call);
        return Observation.createNotStarted(null, SwitchboardObservationConvention.INSTANCE, () -> context, registry)
                .start();
    }
}
