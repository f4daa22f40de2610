package dev.switchboard.spring.observation;

import dev.switchboard.runtime.observation.UnsampledTraces;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.context.propagation.TextMapPropagator;
import io.opentelemetry.context.propagation.TextMapSetter;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Unsampled traces as OpenTelemetry sees them, read and written with the application's propagators (W3C or
 * B3, with baggage, as Boot configures them). An entered context goes through OpenTelemetry's context storage,
 * which Boot wraps to publish scope events: the MDC gets the trace id, correlated baggage its fields, as for a
 * span; and observations started in it with no parent observation take it as their parent (Micrometer's span
 * builder leaves the parent to {@link Context#current()}), so the handler's own calls stay in the trace, unsampled.
 */
public final class OpenTelemetryUnsampledTraces implements UnsampledTraces {

    private static final String TRACEPARENT = "traceparent";
    /** {@code 00-<32 hex trace id>-<16 hex span id>-<2 hex flags>}. */
    private static final int TRACEPARENT_LENGTH = 55;
    private static final TextMapGetter<Function<String, String>> HEADERS = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Function<String, String> headers) {
            return List.of();
        }

        @Override
        public String get(Function<String, String> headers, String key) {
            return headers == null ? null : headers.apply(key);
        }
    };
    private static final TextMapSetter<Map<String, String>> CARRIER = (carrier, key, value) -> carrier.put(key, value);

    private final TextMapPropagator propagator;
    /** Every header the propagators read (Boot's composite lists its extractors' too), so a message with none skips them. */
    private final List<String> fields;

    public OpenTelemetryUnsampledTraces(ContextPropagators propagators) {
        this.propagator = propagators.getTextMapPropagator();
        this.fields = List.copyOf(propagator.fields());
    }

    @Override
    public TraceScope enterIfUnsampled(Function<String, String> headers) {
        // A sampled W3C context goes to the full observation, which extracts it: not twice per message at the
        // starter's 100 % (an unsampled one, or another propagation's, is read by the application's propagators).
        String traceparent = headers.apply(TRACEPARENT);
        if (traceparent != null && sampled(traceparent)) {
            return null;
        }
        if (traceparent == null && carriesNone(headers)) {
            return null;
        }
        Context extracted = propagator.extract(Context.root(), headers, HEADERS);
        if (!isUnsampled(Span.fromContext(extracted).getSpanContext())) {
            return null;
        }
        Scope scope = extracted.makeCurrent();
        return scope::close;
    }

    @Override
    public boolean writeIfUnsampled(Map<String, String> carrier) {
        Context current = Context.current();
        if (!isUnsampled(Span.fromContext(current).getSpanContext())) {
            return false;
        }
        propagator.inject(current, carrier, CARRIER);
        return true;
    }

    /** Whether none of the propagators' headers is there: a message from a producer that did not trace. */
    private boolean carriesNone(Function<String, String> headers) {
        for (String field : fields) {
            if (headers.apply(field) != null) {
                return false;
            }
        }
        return true;
    }

    /** Whether a W3C {@code traceparent}'s flags, its last two hex digits, have the sampled bit (the lowest) set. */
    static boolean sampled(String traceparent) {
        return traceparent.length() == TRACEPARENT_LENGTH
                && (Character.digit(traceparent.charAt(TRACEPARENT_LENGTH - 1), 16) & 1) == 1;
    }

    private static boolean isUnsampled(SpanContext span) {
        return span.isValid() && !span.isSampled();
    }
}
