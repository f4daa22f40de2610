package dev.switchboard.runtime.observation;

import java.util.Map;
import java.util.function.Function;

/**
 * The tracer's word on traces it does not record, asked before a message's observation starts. The runtime
 * knows Micrometer's observation API only; the tracer behind it (OpenTelemetry, in the starter) implements
 * this, so that a message in an unsampled trace is metered and its trace carried on, with no span of its own.
 */
public interface UnsampledTraces {

    /**
     * When {@code headers} (name → value or null) carry a trace context the tracer does not record, makes it
     * current on this thread, baggage included, and returns the scope that undoes it; null when they carry a
     * sampled context or none (a new trace is the sampler's to decide, in the full observation).
     */
    TraceScope enterIfUnsampled(Function<String, String> headers);

    /**
     * When the current trace context is one the tracer does not record, writes it into {@code carrier} as the
     * configured propagation does and returns true; false, writing nothing, when it is sampled or there is none.
     */
    boolean writeIfUnsampled(Map<String, String> carrier);

    /** An unsampled trace context made current; closing it restores the one before. */
    interface TraceScope extends AutoCloseable {

        @Override
        void close();
    }
}
