package dev.switchboard.runtime.observation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.runtime.ErrorCode;
import dev.switchboard.runtime.SwitchboardException;
import dev.switchboard.runtime.policy.CallShape;
import dev.switchboard.runtime.policy.OperationDescriptor;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.transport.SenderContext;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CallObservationsTest {

    private static final OperationDescriptor GET_ORDER =
            new OperationDescriptor("Orders", "getOrder", true, CallShape.UNARY, null);

    @Test
    void everyKindRecordsTheSharedKeysAsATimer() {
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        ObservationRegistry registry = ObservationRegistry.create();
        registry.observationConfig().observationHandler(new DefaultMeterObservationHandler(meters));

        CallObservations.stop(CallObservations.server(registry, GET_ORDER, "rest", name -> null), null);
        CallObservations.stop(CallObservations.client(registry, GET_ORDER, "grpc", new HashMap<>()),
                new SwitchboardException(ErrorCode.NOT_FOUND, "OrderNotFound", "gone", Map.of()));
        CallObservations.stop(CallObservations.producer(registry, "Orders", "orderCreated", "kafka", new HashMap<>()), null);
        CallObservations.stop(CallObservations.consumer(registry, "Orders", "orderCreated", "nats", name -> null),
                new IllegalStateException("bug"));

        assertThat(timer(meters, "server", "rest", "getOrder", "OK").count()).isEqualTo(1);
        assertThat(timer(meters, "client", "grpc", "getOrder", "NOT_FOUND").count()).isEqualTo(1);
        assertThat(timer(meters, "producer", "kafka", "orderCreated", "OK").count()).isEqualTo(1);
        assertThat(timer(meters, "consumer", "nats", "orderCreated", "UNKNOWN").count()).isEqualTo(1);
        assertThat(meters.get(CallObservations.NAME).timers()).hasSize(4);
    }

    @Test
    void clientObservationLetsATracerWriteIntoTheCarrier() {
        ObservationRegistry registry = ObservationRegistry.create();
        registry.observationConfig().observationHandler(new ObservationHandler<SenderContext<Object>>() {
            @Override
            public void onStart(SenderContext<Object> context) {
                context.getSetter().set(context.getCarrier(), "traceparent", "00-trace-span-01");
            }

            @Override
            public boolean supportsContext(Observation.Context context) {
                return context instanceof SenderContext;
            }
        });
        Map<String, String> headers = new HashMap<>();

        Observation observation = CallObservations.client(registry, GET_ORDER, "rest", headers);

        assertThat(headers).containsEntry("traceparent", "00-trace-span-01");
        CallObservations.stop(observation, null);
        assertThat(observation.getContext().getContextualName()).isEqualTo("Orders/getOrder");
    }

    private static Timer timer(SimpleMeterRegistry meters, String kind, String transport, String operation, String outcome) {
        return meters.get(CallObservations.NAME)
                .tag("service", "Orders")
                .tag("operation", operation)
                .tag("transport", transport)
                .tag("kind", kind)
                .tag("outcome", outcome)
                .timer();
    }

    @Test
    void eventsAreCountedUnderTheCallsNameWithItsKeys() {
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        ObservationRegistry registry = ObservationRegistry.create();
        registry.observationConfig().observationHandler(new DefaultMeterObservationHandler(meters));

        Observation call = CallObservations.client(registry, GET_ORDER, "grpc", new HashMap<>());
        call.event(CallObservations.RETRY);
        call.event(CallObservations.RETRY);
        CallObservations.stop(call, null);
        Observation delivery = CallObservations.consumer(registry, "Orders", "orderCreated", "nats", name -> null);
        delivery.event(CallObservations.DEAD_LETTER);
        CallObservations.stop(delivery, new IllegalStateException("poison"));

        assertThat(meters.get("switchboard.call.retry").tags("service", "Orders", "operation", "getOrder",
                "transport", "grpc", "kind", "client").counter().count()).isEqualTo(2);
        assertThat(meters.get("switchboard.call.dead.letter").tags("service", "Orders", "operation", "orderCreated",
                "transport", "nats", "kind", "consumer").counter().count()).isEqualTo(1);
    }
}
