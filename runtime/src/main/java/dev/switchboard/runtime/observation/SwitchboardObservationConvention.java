package dev.switchboard.runtime.observation;

import dev.switchboard.runtime.ErrorCode;
import dev.switchboard.runtime.SwitchboardException;
import io.micrometer.common.KeyValues;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The keys every Switchboard observation carries, on every transport: {@code service},
 * {@code operation}, {@code transport}, {@code kind} and, once the call ended, {@code outcome}
 * ({@code OK} or the error code). Register a {@code GlobalObservationConvention} to change them.
 */
public class SwitchboardObservationConvention implements ObservationConvention<Observation.Context> {

    public static final SwitchboardObservationConvention INSTANCE = new SwitchboardObservationConvention();

    static final String OUTCOME = "switchboard.outcome";

    /**
     * Every call of an operation carries the same keys and name, asked for at its start and again at its stop;
     * built once each instead of sorted and concatenated per call (a few operations times transports, sides and
     * outcomes: a small, bounded set).
     */
    private final Map<KeysOf, KeyValues> keys = new ConcurrentHashMap<>();
    private final Map<CallDetails, String> names = new ConcurrentHashMap<>();

    private record KeysOf(CallDetails call, String outcome) {}

    @Override
    public String getName() {
        return CallObservations.NAME;
    }

    @Override
    public String getContextualName(Observation.Context context) {
        return names.computeIfAbsent(context.getRequired(CallDetails.class), call -> {
            String name = call.service() + "/" + call.operation();
            return switch (call.kind()) {
                case PRODUCER -> name + " publish";
                case CONSUMER -> name + " process";
                default -> name;
            };
        });
    }

    @Override
    public KeyValues getLowCardinalityKeyValues(Observation.Context context) {
        return keys.computeIfAbsent(new KeysOf(context.getRequired(CallDetails.class), context.get(OUTCOME)), of -> {
            KeyValues call = KeyValues.of(
                    "service", of.call().service(),
                    "operation", of.call().operation(),
                    "transport", of.call().transport(),
                    "kind", of.call().kind().value());
            return of.outcome() == null ? call : call.and("outcome", of.outcome());
        });
    }

    @Override
    public boolean supportsContext(Observation.Context context) {
        return context.containsKey(CallDetails.class);
    }

    /** {@code OK}, or the failure's error code; failures outside the taxonomy count as {@code UNKNOWN}. */
    static String outcomeOf(Throwable failure) {
        if (failure == null) {
            return "OK";
        }
        return failure instanceof SwitchboardException known ? known.code().name() : ErrorCode.UNKNOWN.name();
    }
}
