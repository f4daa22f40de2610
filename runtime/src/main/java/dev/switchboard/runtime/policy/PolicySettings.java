package dev.switchboard.runtime.policy;

import java.time.Duration;
import java.util.function.UnaryOperator;

/**
 * The resilience policy of one operation, as layers declare it: the contract (generated into the
 * operation's descriptor), then {@code application.yml} for the service, then for the operation.
 * A null component is not declared at that layer; {@link #withDefaults()} fills what no layer
 * declared from {@link PolicyDefaults}.
 *
 * @param timeout        the longest one attempt may take
 * @param deadline       the longest the whole call may take across attempts; null: none beyond the attempts
 * @param retry          retry values
 * @param circuitBreaker circuit-breaker values
 * @param concurrency    most calls in flight on the server at once; null: unlimited
 * @param rateLimit      server-side rate limit; null: none
 */
public record PolicySettings(
        Duration timeout,
        Duration deadline,
        RetrySettings retry,
        CircuitBreakerSettings circuitBreaker,
        Integer concurrency,
        RateLimitSettings rateLimit) {

    public static final PolicySettings NONE = new PolicySettings(null, null, null, null, null, null);

    /** These settings with {@code timeout} declared. */
    public PolicySettings withTimeout(Duration timeout) {
        return new PolicySettings(timeout, deadline, retry, circuitBreaker, concurrency, rateLimit);
    }

    /** These settings with {@code deadline} declared. */
    public PolicySettings withDeadline(Duration deadline) {
        return new PolicySettings(timeout, deadline, retry, circuitBreaker, concurrency, rateLimit);
    }

    /** These settings with {@code retry} in place of their retry values. */
    public PolicySettings withRetry(RetrySettings retry) {
        return new PolicySettings(timeout, deadline, retry, circuitBreaker, concurrency, rateLimit);
    }

    /**
     * These settings with their retry values changed by {@code change}, which gets
     * {@link RetrySettings#NONE} when none are declared: {@code withRetry(retry -> retry.withAttempts(5))}.
     */
    public PolicySettings withRetry(UnaryOperator<RetrySettings> change) {
        return withRetry(change.apply(retry == null ? RetrySettings.NONE : retry));
    }

    /** These settings with {@code circuitBreaker} in place of their circuit-breaker values. */
    public PolicySettings withCircuitBreaker(CircuitBreakerSettings circuitBreaker) {
        return new PolicySettings(timeout, deadline, retry, circuitBreaker, concurrency, rateLimit);
    }

    /**
     * These settings with their circuit-breaker values changed by {@code change}, which gets
     * {@link CircuitBreakerSettings#NONE} when none are declared.
     */
    public PolicySettings withCircuitBreaker(UnaryOperator<CircuitBreakerSettings> change) {
        return withCircuitBreaker(change.apply(circuitBreaker == null ? CircuitBreakerSettings.NONE : circuitBreaker));
    }

    /** These settings with at most {@code concurrency} server calls in flight at once. */
    public PolicySettings withConcurrency(int concurrency) {
        return new PolicySettings(timeout, deadline, retry, circuitBreaker, concurrency, rateLimit);
    }

    /** These settings with at most {@code permits} server calls per {@code per}. */
    public PolicySettings withRateLimit(int permits, Duration per) {
        return new PolicySettings(timeout, deadline, retry, circuitBreaker, concurrency,
                new RateLimitSettings(permits, per));
    }

    /** These settings with every value that {@code override} declares put in their place. */
    public PolicySettings overriddenBy(PolicySettings override) {
        if (override == null) {
            return this;
        }
        return new PolicySettings(
                pick(override.timeout, timeout),
                pick(override.deadline, deadline),
                retry == null ? override.retry : retry.overriddenBy(override.retry),
                circuitBreaker == null ? override.circuitBreaker : circuitBreaker.overriddenBy(override.circuitBreaker),
                pick(override.concurrency, concurrency),
                pick(override.rateLimit, rateLimit));
    }

    /**
     * These settings on top of the runtime defaults: timeout, every retry and circuit-breaker
     * component are then non-null; deadline, concurrency and rate limit stay null when undeclared.
     */
    public PolicySettings withDefaults() {
        return PolicyDefaults.SETTINGS.overriddenBy(this);
    }

    static <T> T pick(T override, T base) {
        return override != null ? override : base;
    }
}
