package dev.switchboard.samples.flow;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.trace.ReadWriteSpan;
import io.opentelemetry.sdk.trace.ReadableSpan;
import io.opentelemetry.sdk.trace.SpanProcessor;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Every Switchboard call and message each service traced, as its span ended: the services'
 * own tracing, read back through an OpenTelemetry span processor registered in each of them.
 */
public final class FlowLog {

    /** One traced hop: which service recorded it, in which trace, the span's name, and Switchboard's keys. */
    public record Hop(String app, String traceId, long startNanos, String span, String service, String operation,
            String transport, String kind, String outcome) {

        /** {@code Inventory.reserveStock}. */
        public String call() {
            return service + "." + operation;
        }
    }

    private final List<Hop> hops = new CopyOnWriteArrayList<>();

    /** The processor registered in the service named {@code app}. */
    public SpanProcessor recorderFor(String app) {
        return new SpanProcessor() {
            @Override
            public void onStart(Context parent, ReadWriteSpan span) {}

            @Override
            public boolean isStartRequired() {
                return false;
            }

            @Override
            public void onEnd(ReadableSpan span) {
                SpanData data = span.toSpanData();
                String transport = data.getAttributes().get(AttributeKey.stringKey("transport"));
                if (transport != null) {
                    hops.add(new Hop(app, data.getTraceId(), data.getStartEpochNanos(), data.getName(), tag(data, "service"),
                            tag(data, "operation"), transport, tag(data, "kind"), tag(data, "outcome")));
                }
            }

            @Override
            public boolean isEndRequired() {
                return true;
            }
        };
    }

    private static String tag(SpanData data, String key) {
        String value = data.getAttributes().get(AttributeKey.stringKey(key));
        return value == null ? "" : value;
    }

    /** The hops of one trace in the order they started. */
    public List<Hop> trace(String traceId) {
        return hops.stream()
                .filter(hop -> hop.traceId().equals(traceId))
                .sorted(Comparator.comparingLong(Hop::startNanos))
                .toList();
    }
}
