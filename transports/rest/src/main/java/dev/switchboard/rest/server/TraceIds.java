package dev.switchboard.rest.server;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;

/** The current trace id, when tracing is on; null otherwise. */
public final class TraceIds {

    private final Tracer tracer;

    public TraceIds(Tracer tracer) {
        this.tracer = tracer;
    }

    public String current() {
        if (tracer == null) {
            return null;
        }
        Span span = tracer.currentSpan();
        return span == null ? null : span.context().traceId();
    }
}
