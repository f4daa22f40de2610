package dev.switchboard.runtime.pipeline;

import dev.switchboard.runtime.ErrorCode;
import dev.switchboard.runtime.Failures;
import dev.switchboard.runtime.SwitchboardException;
import dev.switchboard.runtime.call.CallContext;
import dev.switchboard.runtime.call.Deadline;
import dev.switchboard.runtime.observation.CallObservations;
import dev.switchboard.runtime.observation.ServerObservations;
import dev.switchboard.runtime.policy.OperationDescriptor;
import dev.switchboard.runtime.resilience.PolicyEngine;
import dev.switchboard.runtime.resilience.ServerPolicy;
import dev.switchboard.runtime.security.Access;
import dev.switchboard.runtime.security.Caller;
import dev.switchboard.runtime.security.CallerSource;
import dev.switchboard.runtime.validation.ConstraintCheck;
import dev.switchboard.runtime.validation.Validatable;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The one way every transport serves a call: observe (a {@code switchboard.call} server observation
 * continuing the caller's trace) → the caller's deadline → admission (concurrency and rate limit,
 * RESOURCE_EXHAUSTED with when to retry) → decode and validate the input → check the deadline has
 * not passed → the handler inside its {@link CallContext} → failures mapped (contract errors kept,
 * any other exception logged once and answered as INTERNAL) → the observation stopped with the
 * outcome. Unary calls run all of it at once; streaming calls are admitted when they open and run
 * later as a {@link ServerStream}, holding their permit until the stream ends.
 *
 * <p>A unary call the transport already observes is not traced twice: see {@link ServerObservations}.
 *
 * <p>Transports adapt to it with small per-call objects ({@link UnaryExchange}, {@link StreamExchange}),
 * like grpc-java's {@code ServerCalls} serves every call shape with two handler classes.
 */
public final class ServerPipeline {

    private static final System.Logger log = System.getLogger(ServerPipeline.class.getName());

    private final PolicyEngine policies;
    private final ServerObservations observations;
    private final String transport;
    private final CallerSource callers;

    /** A pipeline without authentication: operations that are not public refuse every call. */
    public ServerPipeline(PolicyEngine policies, ObservationRegistry observations, String transport) {
        this(policies, observations, transport, CallerSource.ANONYMOUS);
    }

    /**
     * @param transport the {@code transport} key of the observations: {@code rest}, {@code grpc}
     * @param callers   who is calling, as the transport's security authenticated them
     */
    public ServerPipeline(PolicyEngine policies, ObservationRegistry observations, String transport,
            CallerSource callers) {
        this(policies, new ServerObservations(observations), transport, callers);
    }

    /**
     * @param transport the {@code transport} key of the observations: {@code rest}, {@code grpc}
     * @param callers   who is calling, as the transport's security authenticated them
     */
    public ServerPipeline(PolicyEngine policies, ServerObservations observations, String transport,
            CallerSource callers) {
        this.policies = policies;
        this.observations = observations;
        this.transport = transport;
        this.callers = callers;
    }

    /** Serves one request/response call and returns the transport's answer. */
    public <I, O, R> R unary(OperationDescriptor operation, UnaryExchange<I, O, R> call, Function<I, O> handler) {
        Observation observation = observations.unary(operation, transport, call::header);
        SwitchboardException failure = null;
        try {
            R answer;
            try (Observation.Scope scope = ServerObservations.openScope(observation)) {
                call.observed();
                try {
                    Caller caller = authorized(operation);
                    Deadline deadline = call.deadline();
                    try (ServerPolicy.Permit permit = policies.server(operation).admit()) {
                        answer = call.respond(() -> {
                            I input = validated(call.decode());
                            requireTime(operation, deadline);
                            O output;
                            try (CallContext.Scope context = CallContext.enter(operation, deadline, caller)) {
                                output = handler.apply(input);
                            }
                            ServerObservations.settled(observation, null);
                            return output;
                        });
                    }
                } catch (RuntimeException e) {
                    failure = mapped(operation, e);
                    ServerObservations.settled(observation, failure);
                    answer = call.failed(failure);
                }
            }
            if (failure == null) {
                failure = call.failureOf(answer);
            }
            return answer;
        } finally {
            finish(observation, call, failure);
        }
    }

    /**
     * Opens one streaming call: admits it, reads and validates its request (server streams), checks
     * the deadline, and hands the admitted {@link ServerStream} to the transport, which runs it. A
     * call refused here is answered with {@link StreamExchange#rejected} and its observation stops.
     */
    public <I, R> R stream(OperationDescriptor operation, StreamExchange<I, R> call) {
        Observation observation = observations.stream(operation, transport, call::header);
        try (Observation.Scope scope = observation.openScope()) {
            call.observed();
            ServerStream<I> stream;
            try {
                stream = admit(operation, call, observation);
            } catch (RuntimeException e) {
                return reject(observation, call, mapped(operation, e));
            }
            try {
                return call.accepted(stream);
            } catch (RuntimeException e) {
                if (!stream.abandon()) {
                    throw e;
                }
                return reject(observation, call, mapped(operation, e));
            }
        }
    }

    private <I> ServerStream<I> admit(OperationDescriptor operation, StreamExchange<I, ?> call, Observation observation) {
        Caller caller = authorized(operation);
        Deadline deadline = call.deadline();
        ServerPolicy.Permit permit = policies.server(operation).admit();
        try {
            I input = validated(call.decode());
            requireTime(operation, deadline);
            return new ServerStream<>(this, operation, call, observation, deadline, caller, permit, input);
        } catch (RuntimeException e) {
            permit.close();
            throw e;
        }
    }

    private <R> R reject(Observation observation, StreamExchange<?, R> call, SwitchboardException failure) {
        try {
            return call.rejected(failure);
        } finally {
            finish(observation, call, failure);
        }
    }

    /**
     * The caller, once the operation's {@link Access} admits them: UNAUTHENTICATED without
     * credentials, PERMISSION_DENIED without every scope. Decided before admission, so refused
     * callers take no permit; a public operation still sees who called, when someone did.
     */
    private Caller authorized(OperationDescriptor operation) {
        Caller caller = callers.current().orElse(null);
        Access access = operation.access();
        if (access.isPublic()) {
            return caller;
        }
        if (caller == null) {
            throw new SwitchboardException(ErrorCode.UNAUTHENTICATED, ErrorCode.UNAUTHENTICATED.name(),
                    operation.fullName() + " needs an authenticated caller", Map.of());
        }
        if (!caller.holdsAll(access.scopes())) {
            Set<String> missing = new TreeSet<>(access.scopes());
            missing.removeAll(caller.scopes());
            throw new SwitchboardException(ErrorCode.PERMISSION_DENIED, ErrorCode.PERMISSION_DENIED.name(),
                    operation.fullName() + " needs the scopes " + new TreeSet<>(access.scopes()) + "; the caller lacks "
                            + missing, Map.of("missingScopes", String.join(" ", missing)));
        }
        return caller;
    }

    /** {@code input}, once its constraints hold; throws a ValidationException listing every violation. */
    public static <I> I validated(I input) {
        if (input instanceof Validatable validatable) {
            ConstraintCheck.requireValid(validatable);
        }
        return input;
    }

    /** Stops the observation with the outcome (null: OK), then tells the transport. */
    void finish(Observation observation, IncomingCall call, SwitchboardException outcome) {
        CallObservations.stop(observation, outcome);
        call.finished(outcome);
    }

    /**
     * A contract or transport failure as it is, also when a handler rethrew it from a future it
     * joined (a publish the broker did not confirm is UNAVAILABLE, a 503, not a bug); anything
     * else is a bug: logged once, answered as INTERNAL.
     */
    SwitchboardException mapped(OperationDescriptor operation, RuntimeException failure) {
        if (failure instanceof SwitchboardException known) {
            return known;
        }
        if (Failures.unwrapped(failure) instanceof SwitchboardException known) {
            return known;
        }
        log.log(System.Logger.Level.ERROR, operation.fullName() + " failed unexpectedly", failure);
        return new SwitchboardException(ErrorCode.INTERNAL, ErrorCode.INTERNAL.name(),
                "internal error in " + operation.fullName(), Map.of(), failure);
    }

    static SwitchboardException cancelled(OperationDescriptor operation) {
        return new SwitchboardException(ErrorCode.CANCELLED, ErrorCode.CANCELLED.name(),
                "the client cancelled " + operation.fullName() + " or went away", Map.of());
    }

    private static void requireTime(OperationDescriptor operation, Deadline deadline) {
        if (deadline != null && deadline.isExpired()) {
            throw new SwitchboardException(ErrorCode.DEADLINE_EXCEEDED, ErrorCode.DEADLINE_EXCEEDED.name(),
                    "the caller's deadline passed before " + operation.fullName() + " started", Map.of());
        }
    }
}
