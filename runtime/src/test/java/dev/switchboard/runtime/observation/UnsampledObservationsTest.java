package dev.switchboard.runtime.observation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.runtime.policy.OperationDescriptor;
import dev.switchboard.runtime.policy.PolicySettings;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** {@link MessageObservations} and {@link ClientObservations}: metered only in unsampled traces, in full otherwise. */
class UnsampledObservationsTest {

    private static final String UNSAMPLED = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-00";
    private static final String SAMPLED = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

    /** What both registries and the tracer saw, in order. */
    private final List<String> seen = new CopyOnWriteArrayList<>();
    private final ObservationRegistry registry = recording("traced");
    private final ObservationRegistry metersOnly = recording("metered");
    /** A tracer that knows a W3C context by its flags, and whose current trace the test sets. */
    private String currentTrace;
    private final UnsampledTraces tracer = new UnsampledTraces() {
        @Override
        public TraceScope enterIfUnsampled(Function<String, String> headers) {
            String incoming = headers.apply("traceparent");
            if (incoming == null || !incoming.endsWith("-00")) {
                return null;
            }
            seen.add("trace entered");
            return () -> seen.add("trace left");
        }

        @Override
        public boolean writeIfUnsampled(Map<String, String> carrier) {
            if (currentTrace == null || !currentTrace.endsWith("-00")) {
                return false;
            }
            carrier.put("traceparent", currentTrace);
            return true;
        }
    };
    private final MessageObservations observations = new MessageObservations(registry, metersOnly, tracer);
    private final ClientObservations clients = new ClientObservations(registry, metersOnly, tracer);
    private static final OperationDescriptor RESERVE = OperationDescriptor.unary("Inventory", "reserveStock",
            PolicySettings.NONE);

    @Test
    void aMessageInAnUnsampledTraceIsMeteredWithItsTraceCurrentAroundTheHandlerAndNoSpanOfItsOwn() {
        handle(observations, Map.of("traceparent", UNSAMPLED));

        assertThat(seen).containsExactly("trace entered", "metered start consumer", "handler",
                "metered stop consumer OK", "trace left");
    }

    @Test
    void aMessageInASampledTraceOrInNoneIsObservedInFull() {
        handle(observations, Map.of("traceparent", SAMPLED));
        handle(observations, Map.of());

        List<String> full = List.of("traced start consumer", "traced scope opened", "handler", "traced stop consumer OK",
                "traced scope closed");
        assertThat(seen).containsExactlyElementsOf(Stream.concat(full.stream(), full.stream()).toList());
    }

    @Test
    void aPublishInAnUnsampledTraceCarriesItOnAndIsMeteredOnly() {
        currentTrace = UNSAMPLED;
        Map<String, String> headers = new HashMap<>();

        CallObservations.stop(observations.producer("Orders", "orderCreated", "kafka", headers), null);

        assertThat(headers).containsExactly(Map.entry("traceparent", UNSAMPLED));
        assertThat(seen).containsExactly("metered start producer", "metered stop producer OK");
    }

    @Test
    void aPublishInASampledTraceOrInNoneIsObservedInFull() {
        currentTrace = SAMPLED;
        CallObservations.stop(observations.producer("Orders", "orderCreated", "kafka", new HashMap<>()), null);
        currentTrace = null;
        CallObservations.stop(observations.producer("Orders", "orderCreated", "kafka", new HashMap<>()), null);

        assertThat(seen).containsExactly("traced start producer", "traced stop producer OK",
                "traced start producer", "traced stop producer OK");
    }

    @Test
    void withoutAMetersOnlyRegistryOrATracerEveryMessageIsObservedInFull() {
        currentTrace = UNSAMPLED;
        for (MessageObservations full : List.of(new MessageObservations(registry),
                new MessageObservations(registry, null, tracer), new MessageObservations(registry, metersOnly, null))) {
            handle(full, Map.of("traceparent", UNSAMPLED));
            CallObservations.stop(full.producer("Orders", "orderCreated", "kafka", new HashMap<>()), null);
        }

        assertThat(seen).doesNotContain("trace entered").allMatch(event -> event.startsWith("traced") || event.equals("handler"));
        assertThat(seen).filteredOn(event -> event.startsWith("traced start")).hasSize(6);
    }

    @Test
    void aCallInAnUnsampledTraceCarriesItOnAndIsMeteredOnly() {
        currentTrace = UNSAMPLED;
        Map<String, String> headers = new HashMap<>();

        CallObservations.stop(clients.client(RESERVE, "rest", headers), null);

        assertThat(headers).containsExactly(Map.entry("traceparent", UNSAMPLED));
        assertThat(seen).containsExactly("metered start client", "metered stop client OK");
    }

    @Test
    void aCallInASampledTraceOrInNoneOrWithoutATracerIsObservedInFull() {
        currentTrace = SAMPLED;
        CallObservations.stop(clients.client(RESERVE, "grpc", new HashMap<>()), null);
        currentTrace = null;
        CallObservations.stop(clients.client(RESERVE, "grpc", new HashMap<>()), null);
        currentTrace = UNSAMPLED;
        CallObservations.stop(new ClientObservations(registry).client(RESERVE, "grpc", new HashMap<>()), null);

        assertThat(seen).containsExactly("traced start client", "traced stop client OK", "traced start client",
                "traced stop client OK", "traced start client", "traced stop client OK");
    }

    private void handle(MessageObservations observations, Map<String, String> headers) {
        try (MessageObservations.Consuming consuming =
                observations.consumer("Orders", "orderCreated", "kafka", headers::get)) {
            seen.add("handler");
            CallObservations.stop(consuming.observation(), null);
        }
    }

    private ObservationRegistry recording(String name) {
        ObservationRegistry recording = ObservationRegistry.create();
        recording.observationConfig().observationHandler(new ObservationHandler<>() {
            @Override
            public void onStart(Observation.Context context) {
                seen.add(name + " start " + context.<CallDetails>getRequired(CallDetails.class).kind().value());
            }

            @Override
            public void onScopeOpened(Observation.Context context) {
                seen.add(name + " scope opened");
            }

            @Override
            public void onStop(Observation.Context context) {
                seen.add(name + " stop " + context.<CallDetails>getRequired(CallDetails.class).kind().value() + " "
                        + context.getLowCardinalityKeyValue("outcome").getValue());
            }

            @Override
            public void onScopeClosed(Observation.Context context) {
                seen.add(name + " scope closed");
            }

            @Override
            public boolean supportsContext(Observation.Context context) {
                return true;
            }
        });
        return recording;
    }
}
