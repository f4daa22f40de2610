package dev.switchboard.contract.model;

import java.time.Duration;

/**
 * Resilience policies as declared: at service level (defaults) or per operation (overrides).
 * Every component is null when not declared; the runtime supplies its own defaults last.
 *
 * @param timeout     per attempt
 * @param deadline    overall, across all attempts
 * @param concurrency most server calls in flight at once (bulkhead)
 */
public record Policies(
        Duration timeout,
        Duration deadline,
        RetryPolicy retry,
        CircuitBreakerPolicy circuitBreaker,
        Integer concurrency,
        RateLimitPolicy rateLimit) {

    public static final Policies NONE = new Policies(null, null, null, null, null, null);

    /** These policies with every value that {@code override} declares put in their place. */
    public Policies overriddenBy(Policies override) {
        return new Policies(
                pick(override.timeout, timeout),
                pick(override.deadline, deadline),
                retry == null ? override.retry : retry.overriddenBy(override.retry),
                circuitBreaker == null ? override.circuitBreaker : circuitBreaker.overriddenBy(override.circuitBreaker),
                pick(override.concurrency, concurrency),
                pick(override.rateLimit, rateLimit));
    }

    static <T> T pick(T override, T base) {
        return override != null ? override : base;
    }
}
