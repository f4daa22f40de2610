package dev.switchboard.runtime.observation;

import dev.switchboard.runtime.ErrorCode;
import dev.switchboard.runtime.SwitchboardException;
import io.micrometer.common.KeyValues;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;

/**
 * The keys every Switchboard observation carries, on every transport: {@code service},
 * {@code operation}, {@code transport}, {@code kind} and, once the call ended, {@code outcome}
 * ({@code OK} or the error code). Register a {@code GlobalObservationConvention} to change them.
 */
public class SwitchboardObservationConvention implements ObservationConvention<Observation.Context> {

    public static final SwitchboardObservationConvention INSTANCE = new SwitchboardObservationConvention();

    static final String OUTCOME = "switchboard.outcome";

    @Override
    public String getName() {
        return CallObservations.NAME;
    }

    @Override
    public String getContextualName(Observation.Context context) {
        CallDetails call = context.getRequired(CallDetails.class);
        String name = call.service() + "/" + call.operation();
        return switch (call.kind()) {
            case PRODUCER -> name + " publish";
            case CONSUMER -> name + " process";
            default -> name;
        };
    }

    @Override
    public KeyValues getLowCardinalityKeyValues(Observation.Context context) {
        CallDetails call = context.getRequired(CallDetails.class);
        KeyValues keys = KeyValues.of(
                "service", call.service(),
                "operation", call.operation(),
                "transport", call.transport(),
                "kind", call.kind().value());
        String outcome = context.get(OUTCOME);
        return outcome == null ? keys : keys.and("outcome", outcome);
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
