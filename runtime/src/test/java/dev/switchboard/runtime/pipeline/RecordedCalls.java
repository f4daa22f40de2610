package dev.switchboard.runtime.pipeline;

import dev.switchboard.runtime.observation.CallDetails;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.transport.ReceiverContext;
import io.micrometer.observation.transport.SenderContext;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An observation registry that records what a tracer would see: every started and stopped
 * {@code switchboard.call}, the trace header a receiver read, and writes one into a sender's carrier.
 */
final class RecordedCalls implements ObservationHandler<Observation.Context> {

    static final String TRACEPARENT = "traceparent";
    static final String SENT_TRACE = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

    /** One stopped observation: its keys and what it read or wrote. */
    record Call(String service, String operation, String transport, String kind, String outcome, Throwable error,
            String receivedTrace) {}

    final ObservationRegistry registry = ObservationRegistry.create();
    final List<Observation.Context> started = new CopyOnWriteArrayList<>();
    final List<Call> stopped = new CopyOnWriteArrayList<>();
    final List<String> events = new CopyOnWriteArrayList<>();
    /** Starts, stops and scope changes in the order they happened. */
    final List<String> lifecycle = new CopyOnWriteArrayList<>();

    RecordedCalls() {
        registry.observationConfig().observationHandler(this);
    }

    @Override
    @SuppressWarnings("unchecked")
    public void onStart(Observation.Context context) {
        started.add(context);
        lifecycle.add("start");
        if (context instanceof SenderContext<?> sender) {
            ((SenderContext<Object>) sender).getSetter().set(sender.getCarrier(), TRACEPARENT, SENT_TRACE);
        }
    }

    @Override
    @SuppressWarnings("unchecked")
    public void onStop(Observation.Context context) {
        lifecycle.add("stop");
        CallDetails call = context.getRequired(CallDetails.class);
        String received = context instanceof ReceiverContext<?> receiver
                ? ((ReceiverContext<Object>) receiver).getGetter().get(receiver.getCarrier(), TRACEPARENT) : null;
        stopped.add(new Call(call.service(), call.operation(), call.transport(), call.kind().value(),
                context.getLowCardinalityKeyValue("outcome").getValue(), context.getError(), received));
    }

    @Override
    public void onScopeOpened(Observation.Context context) {
        lifecycle.add("scope opened");
    }

    @Override
    public void onScopeClosed(Observation.Context context) {
        lifecycle.add("scope closed");
    }

    @Override
    public void onEvent(Observation.Event event, Observation.Context context) {
        events.add(event.getName());
    }

    @Override
    public boolean supportsContext(Observation.Context context) {
        return context.containsKey(CallDetails.class);
    }

    /** The one call observed; fails when there is not exactly one, started and stopped. */
    Call only() {
        if (started.size() != 1 || stopped.size() != 1) {
            throw new AssertionError("expected one observation started and stopped, got " + started.size()
                    + " started and " + stopped + " stopped");
        }
        return stopped.get(0);
    }
}
