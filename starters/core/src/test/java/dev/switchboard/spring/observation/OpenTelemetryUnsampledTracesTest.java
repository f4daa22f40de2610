package dev.switchboard.spring.observation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.runtime.observation.UnsampledTraces;
import io.opentelemetry.api.baggage.Baggage;
import io.opentelemetry.api.baggage.propagation.W3CBaggagePropagator;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.context.propagation.TextMapPropagator;
import io.opentelemetry.context.propagation.TextMapSetter;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class OpenTelemetryUnsampledTracesTest {

    private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final String SPAN_ID = "00f067aa0ba902b7";

    private final UnsampledTraces traces = new OpenTelemetryUnsampledTraces(ContextPropagators.create(
            TextMapPropagator.composite(W3CTraceContextPropagator.getInstance(), W3CBaggagePropagator.getInstance())));

    @Test
    void anUnsampledIncomingTraceIsCurrentWithItsBaggageUntilTheScopeCloses() {
        Map<String, String> headers = Map.of("traceparent", "00-" + TRACE_ID + "-" + SPAN_ID + "-00",
                "baggage", "tenant=acme");

        try (UnsampledTraces.TraceScope scope = traces.enterIfUnsampled(headers::get)) {
            assertThat(scope).isNotNull();
            SpanContext current = Span.current().getSpanContext();
            assertThat(current.getTraceId()).isEqualTo(TRACE_ID);
            assertThat(current.getSpanId()).isEqualTo(SPAN_ID);
            assertThat(current.isSampled()).isFalse();
            assertThat(Baggage.current().getEntryValue("tenant")).isEqualTo("acme");
        }
        assertThat(Span.current().getSpanContext().isValid()).isFalse();
    }

    @Test
    void aSampledTraceOrNoneIsLeftToTheFullObservation() {
        assertThat(traces.enterIfUnsampled(Map.of("traceparent", "00-" + TRACE_ID + "-" + SPAN_ID + "-01")::get)).isNull();
        assertThat(traces.enterIfUnsampled(Map.of("traceparent", "00-" + TRACE_ID + "-" + SPAN_ID + "-03")::get)).isNull();
        assertThat(traces.enterIfUnsampled(Map.<String, String>of()::get)).isNull();
        assertThat(traces.enterIfUnsampled(Map.of("traceparent", "garbage")::get)).isNull();
        assertThat(Span.current().getSpanContext().isValid()).isFalse();
    }

    @Test
    void onlyAMessageWithNoneOfThePropagatorsHeadersSkipsTheExtraction() {
        AtomicInteger extractions = new AtomicInteger();
        // A propagation of its own header, as B3 reads X-B3-*: its context must be found without a traceparent.
        TextMapPropagator custom = new TextMapPropagator() {
            @Override
            public Collection<String> fields() {
                return List.of("x-trace");
            }

            @Override
            public <C> void inject(Context context, C carrier, TextMapSetter<C> setter) {}

            @Override
            public <C> Context extract(Context context, C carrier, TextMapGetter<C> getter) {
                extractions.incrementAndGet();
                String value = getter.get(carrier, "x-trace");
                return value == null ? context : context.with(Span.wrap(SpanContext.createFromRemoteParent(TRACE_ID,
                        value, TraceFlags.getDefault(), TraceState.getDefault())));
            }
        };
        UnsampledTraces traces = new OpenTelemetryUnsampledTraces(ContextPropagators.create(
                TextMapPropagator.composite(W3CTraceContextPropagator.getInstance(), custom)));

        assertThat(traces.enterIfUnsampled(Map.of("orderId", "o-1")::get)).isNull();
        assertThat(extractions).hasValue(0);
        try (UnsampledTraces.TraceScope scope = traces.enterIfUnsampled(Map.of("x-trace", SPAN_ID)::get)) {
            assertThat(scope).isNotNull();
            assertThat(Span.current().getSpanContext().getSpanId()).isEqualTo(SPAN_ID);
        }
        assertThat(extractions).hasValue(1);
    }

    @Test
    void aPublishWritesTheCurrentTraceOnlyWhenItIsUnsampled() {
        for (TraceFlags flags : new TraceFlags[] {TraceFlags.getDefault(), TraceFlags.getSampled()}) {
            Map<String, String> carrier = new HashMap<>();
            Context context = Context.root().with(Span.wrap(SpanContext.createFromRemoteParent(TRACE_ID, SPAN_ID, flags,
                    TraceState.getDefault()))).with(Baggage.builder().put("tenant", "acme").build());
            try (Scope scope = context.makeCurrent()) {
                boolean written = traces.writeIfUnsampled(carrier);
                assertThat(written).isEqualTo(!flags.isSampled());
            }
            if (flags.isSampled()) {
                assertThat(carrier).isEmpty();
            } else {
                assertThat(carrier).containsEntry("traceparent", "00-" + TRACE_ID + "-" + SPAN_ID + "-00")
                        .containsEntry("baggage", "tenant=acme");
            }
        }
        assertThat(traces.writeIfUnsampled(new HashMap<>())).as("no current trace").isFalse();
    }

    @Test
    void theSampledBitIsTheLowestBitOfTheFlags() {
        assertThat(OpenTelemetryUnsampledTraces.sampled("00-" + TRACE_ID + "-" + SPAN_ID + "-01")).isTrue();
        assertThat(OpenTelemetryUnsampledTraces.sampled("00-" + TRACE_ID + "-" + SPAN_ID + "-0f")).isTrue();
        assertThat(OpenTelemetryUnsampledTraces.sampled("00-" + TRACE_ID + "-" + SPAN_ID + "-00")).isFalse();
        assertThat(OpenTelemetryUnsampledTraces.sampled("00-" + TRACE_ID + "-" + SPAN_ID + "-02")).isFalse();
        assertThat(OpenTelemetryUnsampledTraces.sampled("01")).isFalse();
    }
}
