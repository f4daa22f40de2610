package dev.switchboard.spring.security;

import dev.switchboard.runtime.SwitchboardException;
import dev.switchboard.runtime.observation.CallObservations;
import dev.switchboard.runtime.policy.OperationDescriptor;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import java.util.function.Function;

/**
 * Refusals by Spring Security itself (an invalid, expired or foreign token), made visible in the same
 * {@code switchboard.call} metric as the pipeline's own. They happen before any route or method is
 * matched to an operation, so {@code service} and {@code operation} are {@value #UNRESOLVED}; the
 * outcome is the code ({@code UNAUTHENTICATED}, {@code PERMISSION_DENIED}).
 */
public final class SecurityRefusals {

    static final String UNRESOLVED = "*";

    private static final OperationDescriptor UNRESOLVED_OPERATION =
            OperationDescriptor.unary(UNRESOLVED, UNRESOLVED, null);

    private final ObservationRegistry observations;

    public SecurityRefusals(ObservationRegistry observations) {
        this.observations = observations;
    }

    /** Records one refused call on {@code transport}, continuing the trace {@code headers} carry. */
    public void record(String transport, SwitchboardException refusal, Function<String, String> headers) {
        Observation observation = CallObservations.server(observations, UNRESOLVED_OPERATION, transport, headers);
        CallObservations.stop(observation, refusal);
    }
}
