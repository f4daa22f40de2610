package dev.switchboard.runtime.observation;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import java.util.Map;
import java.util.function.Function;

/**
 * How publishers and consumers observe messages. A message in a trace the tracer does not record (an unsampled
 * incoming context; for a publish, an unsampled current one) is recorded as {@code switchboard.call} on a
 * registry that only meters, and its trace context is carried on without a span: made current around the
 * handler, so its logs keep the trace id and its own calls and publishes continue the unsampled trace, or
 * written into the published headers. Every other message gets its full observation, as before.
 *
 * <p>Why: below 100 % sampling, an unsampled message cost as much as a sampled one (a non-recording span, its
 * tags and events, the observation's scope), while it leaves nothing to see but its meters. A message that
 * starts a trace keeps the full observation: the sampler decides on the span that starts it.
 */
public final class MessageObservations {

    private final ObservationRegistry registry;
    private final ObservationRegistry metersOnly;
    private final UnsampledTraces unsampled;

    /** Every message gets its full observation on {@code registry}. */
    public MessageObservations(ObservationRegistry registry) {
        this(registry, null, null);
    }

    /**
     * @param metersOnly a registry whose only handler meters (Micrometer's {@code DefaultMeterObservationHandler}),
     *                   with the application's predicates, filters and conventions; null: always observe in full
     * @param unsampled  the tracer's word on unsampled traces; null: always observe in full
     */
    public MessageObservations(ObservationRegistry registry, ObservationRegistry metersOnly, UnsampledTraces unsampled) {
        this.registry = registry;
        this.metersOnly = unsampled == null ? null : metersOnly;
        this.unsampled = metersOnly == null ? null : unsampled;
    }

    /** A started observation of publishing {@code message}; the trace context is written into {@code carrier}. */
    public Observation producer(String service, String message, String transport, Map<String, String> carrier) {
        if (unsampled != null && unsampled.writeIfUnsampled(carrier)) {
            return CallObservations.start(metersOnly, new Observation.Context(),
                    new CallDetails(service, message, transport, CallKind.PRODUCER));
        }
        return CallObservations.producer(registry, service, message, transport, carrier);
    }

    /**
     * A started observation of handling {@code message}, its scope open: the handler runs inside it, and
     * {@link CallObservations#stop} is called before it closes.
     */
    public Consuming consumer(String service, String message, String transport, Function<String, String> headers) {
        UnsampledTraces.TraceScope trace = unsampled == null ? null : unsampled.enterIfUnsampled(headers);
        if (trace != null) {
            return new Consuming(CallObservations.start(metersOnly, new Observation.Context(),
                    new CallDetails(service, message, transport, CallKind.CONSUMER)), trace);
        }
        Observation observation = CallObservations.consumer(registry, service, message, transport, headers);
        return new Consuming(observation, observation.openScope()::close);
    }

    /** A consumer's observation and the scope its handler runs in. */
    public record Consuming(Observation observation, UnsampledTraces.TraceScope scope) implements AutoCloseable {

        @Override
        public void close() {
            scope.close();
        }
    }
}
