package dev.switchboard.runtime.pipeline;

import dev.switchboard.runtime.ErrorCode;
import dev.switchboard.runtime.SwitchboardException;
import dev.switchboard.runtime.observation.CallObservations;
import dev.switchboard.runtime.observation.ClientObservations;
import dev.switchboard.runtime.policy.ClientFallback;
import dev.switchboard.runtime.policy.OperationDescriptor;
import dev.switchboard.runtime.resilience.ClientAttempt;
import dev.switchboard.runtime.resilience.PolicyEngine;
import dev.switchboard.runtime.resilience.CircuitOpenException;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The one way every transport makes a call: a {@code switchboard.call} client observation whose trace
 * context goes into the outgoing headers, the operation's {@link dev.switchboard.runtime.resilience.ClientPolicy}
 * (deadline, attempt timeouts, retries, circuit breaker, fallback) around the transport's attempts,
 * and the observation stopped with the outcome. Streams are opened in one attempt under the policy,
 * never retried (messages may have flowed), and their observation ends when the stream does.
 *
 * <p>Transports adapt to it with small functions ({@link OutgoingCall}, {@link OutgoingStream}) that
 * make one attempt over their wire and map what it reports to the error taxonomy.
 */
public final class ClientPipeline {

    private final PolicyEngine policies;
    private final ClientObservations observations;
    private final String transport;

    /** A pipeline observing every call in full on {@code observations}. */
    public ClientPipeline(PolicyEngine policies, ObservationRegistry observations, String transport) {
        this(policies, new ClientObservations(observations), transport);
    }

    /**
     * @param observations how calls are observed (metered only in unsampled traces, see {@link ClientObservations})
     * @param transport    the {@code transport} key of the observations: {@code rest}, {@code grpc}
     */
    public ClientPipeline(PolicyEngine policies, ClientObservations observations, String transport) {
        this.policies = policies;
        this.observations = observations;
        this.transport = transport;
    }

    /**
     * Makes one request/response call.
     *
     * @param idempotencyKeyed whether every attempt carries the same idempotency key, which makes a
     *                         non-idempotent operation safe to retry
     * @param fallback         answers when the circuit is open or the retries are spent; null: the failure is thrown
     */
    public <O> O call(OperationDescriptor operation, boolean idempotencyKeyed, OutgoingCall<O> call,
            ClientFallback<O> fallback) {
        Map<String, String> headers = new HashMap<>();
        Observation observation = observations.client(operation, transport, headers);
        // Stopped inside its scope (see CallObservations#stop).
        try (Observation.Scope scope = observation.openScope()) {
            O result;
            try {
                ClientAttempt<O> attempt = counted(observation, call.prepare(headers));
                result = policies.client(operation).execute(idempotencyKeyed, attempt, counted(observation, fallback));
            } catch (CircuitOpenException failure) {
                if (fallback == null) {
                    observation.event(CallObservations.CIRCUIT_OPEN);
                }
                CallObservations.stop(observation, failure);
                throw failure;
            } catch (RuntimeException failure) {
                CallObservations.stop(observation, failure);
                throw failure;
            }
            CallObservations.stop(observation, null);
            return result;
        }
    }

    /** Every attempt after the first is a retry. */
    private static <O> ClientAttempt<O> counted(Observation observation, ClientAttempt<O> attempt) {
        return context -> {
            if (context.attempt() > 1) {
                observation.event(CallObservations.RETRY);
            }
            return attempt.attempt(context);
        };
    }

    /** A fallback answering for an open circuit still counts the refusal. */
    private static <O> ClientFallback<O> counted(Observation observation, ClientFallback<O> fallback) {
        return fallback == null ? null : failure -> {
            if (failure instanceof CircuitOpenException) {
                observation.event(CallObservations.CIRCUIT_OPEN);
            }
            return fallback.recover(failure);
        };
    }

    /** Opens one streaming call; the observation stops when the stream reports its end. */
    public <S> S open(OperationDescriptor operation, OutgoingStream<S> stream) {
        Map<String, String> headers = new HashMap<>();
        Observation observation = observations.client(operation, transport, headers);
        ObservedOutcome outcome = new ObservedOutcome(observation, operation);
        try (Observation.Scope scope = observation.openScope()) {
            ClientAttempt<S> attempt = stream.prepare(headers, outcome);
            return policies.client(operation).executeOnce(attempt);
        } catch (RuntimeException failure) {
            outcome.stop(failure);
            throw failure;
        }
    }

    /** Stops the stream's observation at the first report. */
    private static final class ObservedOutcome implements StreamOutcome {
        private final Observation observation;
        private final OperationDescriptor operation;
        private final AtomicBoolean stopped = new AtomicBoolean();

        ObservedOutcome(Observation observation, OperationDescriptor operation) {
            this.observation = observation;
            this.operation = operation;
        }

        @Override
        public void completed() {
            stop(null);
        }

        @Override
        public void failed(SwitchboardException failure) {
            stop(failure);
        }

        @Override
        public void closedByCaller() {
            stop(new SwitchboardException(ErrorCode.CANCELLED, ErrorCode.CANCELLED.name(),
                    "the caller closed the stream of " + operation.fullName(), Map.of()));
        }

        void stop(Throwable failure) {
            if (stopped.compareAndSet(false, true)) {
                CallObservations.stop(observation, failure);
            }
        }
    }
}
