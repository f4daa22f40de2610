package dev.switchboard.runtime.resilience;

import dev.switchboard.runtime.ErrorCode;
import dev.switchboard.runtime.RetryLaterException;
import dev.switchboard.runtime.SwitchboardException;
import dev.switchboard.runtime.call.CallContext;
import dev.switchboard.runtime.call.Deadline;
import dev.switchboard.runtime.policy.Backoff;
import dev.switchboard.runtime.policy.ClientFallback;
import dev.switchboard.runtime.policy.OperationDescriptor;
import dev.switchboard.runtime.policy.PolicySettings;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * The retry loop around Resilience4j's circuit breaker. Resilience4j's own Retry is not used:
 * each retry decision needs the call deadline, the downstream's retry budget and the server's
 * pushback together, which a plain loop states more clearly than Retry's predicates.
 */
final class DefaultClientPolicy implements ClientPolicy {

    /** Codes that say the downstream is unhealthy; anything else is an answer, good for the breaker. */
    private static final Set<ErrorCode> BREAKER_FAILURES = EnumSet.of(
            ErrorCode.UNAVAILABLE, ErrorCode.DEADLINE_EXCEEDED, ErrorCode.INTERNAL,
            ErrorCode.UNKNOWN, ErrorCode.DATA_LOSS, ErrorCode.RESOURCE_EXHAUSTED);

    private final OperationDescriptor operation;
    private final PolicySettings settings;
    private final CircuitBreaker breaker;
    private final RetryBudget budget;
    private final Backoff backoff;
    private final Sleeper sleeper;

    DefaultClientPolicy(OperationDescriptor operation, PolicySettings settings, CircuitBreaker breaker,
            RetryBudget budget, Backoff backoff, Sleeper sleeper) {
        this.operation = operation;
        this.settings = settings;
        this.breaker = breaker;
        this.budget = budget;
        this.backoff = backoff;
        this.sleeper = sleeper;
    }

    boolean isCircuitOpen() {
        return breaker.getState() == CircuitBreaker.State.OPEN;
    }

    /** {@code CLOSED}, {@code OPEN}, {@code HALF_OPEN}, as Resilience4j names them. */
    String circuitState() {
        return breaker.getState().name();
    }

    @Override
    public OperationDescriptor operation() {
        return operation;
    }

    @Override
    public PolicySettings settings() {
        return settings;
    }

    @Override
    public <T> T execute(boolean idempotencyKeyed, ClientAttempt<T> attempt, ClientFallback<T> fallback) {
        return run(operation.idempotent() || idempotencyKeyed, settings.retry().attempts(), attempt, fallback);
    }

    @Override
    public <T> T executeOnce(ClientAttempt<T> attempt) {
        return run(false, 1, attempt, null);
    }

    private <T> T run(boolean safeToRepeat, int attempts, ClientAttempt<T> attempt, ClientFallback<T> fallback) {
        Deadline callDeadline = callDeadline();
        budget.deposit(settings.retry().budget());
        for (int number = 1; ; number++) {
            if (callDeadline != null && callDeadline.isExpired()) {
                return recover(deadlineExceeded(), fallback);
            }
            if (!breaker.tryAcquirePermission()) {
                return recover(new CircuitOpenException(operation.fullName()), fallback);
            }
            Deadline attemptDeadline = Deadline.after(settings.timeout()).earliest(callDeadline);
            long started = System.nanoTime();
            SwitchboardException failure;
            try {
                T result = attempt.attempt(new AttemptContext(number, attemptDeadline));
                breaker.onSuccess(System.nanoTime() - started, TimeUnit.NANOSECONDS);
                return result;
            } catch (Exception e) {
                failure = toSwitchboard(e);
            }
            long elapsed = System.nanoTime() - started;
            if (BREAKER_FAILURES.contains(failure.code())) {
                breaker.onError(elapsed, TimeUnit.NANOSECONDS, failure);
            } else {
                breaker.onSuccess(elapsed, TimeUnit.NANOSECONDS);
            }
            if (!safeToRepeat || !failure.code().isRetryable(operation.idempotent())) {
                throw failure;
            }
            if (number >= attempts) {
                return recover(failure, fallback);
            }
            Duration wait = waitBefore(number, failure);
            if (callDeadline != null && wait.compareTo(callDeadline.remaining()) >= 0) {
                return recover(failure, fallback);
            }
            if (!budget.tryWithdraw()) {
                return recover(failure, fallback);
            }
            try {
                sleeper.sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SwitchboardException(ErrorCode.CANCELLED, ErrorCode.CANCELLED.name(),
                        "interrupted while waiting to retry " + operation.fullName(), Map.of(), e);
            }
        }
    }

    private Duration waitBefore(int retry, SwitchboardException failure) {
        Duration wait = backoff.before(retry);
        if (failure instanceof RetryLaterException later && later.retryAfter().isPresent()
                && later.retryAfter().get().compareTo(wait) > 0) {
            return later.retryAfter().get();
        }
        return wait;
    }

    private Deadline callDeadline() {
        Deadline inherited = CallContext.currentDeadline().orElse(null);
        Duration own = settings.deadline();
        return own == null ? inherited : Deadline.after(own).earliest(inherited);
    }

    private SwitchboardException deadlineExceeded() {
        return new SwitchboardException(ErrorCode.DEADLINE_EXCEEDED, ErrorCode.DEADLINE_EXCEEDED.name(),
                "deadline exceeded before " + operation.fullName() + " could complete", Map.of());
    }

    private static <T> T recover(SwitchboardException failure, ClientFallback<T> fallback) {
        if (fallback == null) {
            throw failure;
        }
        return fallback.recover(failure);
    }

    static SwitchboardException toSwitchboard(Throwable failure) {
        if (failure instanceof SwitchboardException known) {
            return known;
        }
        if (failure instanceof InterruptedException) {
            Thread.currentThread().interrupt();
            return new SwitchboardException(ErrorCode.CANCELLED, ErrorCode.CANCELLED.name(),
                    "interrupted", Map.of(), failure);
        }
        return new SwitchboardException(ErrorCode.UNKNOWN, ErrorCode.UNKNOWN.name(),
                String.valueOf(failure.getMessage()), Map.of(), failure);
    }

    /** How the loop waits between attempts; tests replace it to run without sleeping. */
    @FunctionalInterface
    interface Sleeper {
        void sleep(Duration wait) throws InterruptedException;

        Sleeper THREAD = wait -> Thread.sleep(wait.toMillis(), wait.toNanosPart() % 1_000_000);
    }
}
