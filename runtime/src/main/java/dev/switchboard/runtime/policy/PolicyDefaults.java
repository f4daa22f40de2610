package dev.switchboard.runtime.policy;

import java.time.Duration;

/**
 * What applies when neither the contract nor the configuration says otherwise: safe retries
 * (only ever of what is safe to retry), a circuit breaker, a generous timeout; no limits.
 */
public final class PolicyDefaults {

    public static final RetrySettings RETRY =
            new RetrySettings(3, Duration.ofMillis(100), Duration.ofSeconds(2), 0.2, 0.2);

    public static final CircuitBreakerSettings CIRCUIT_BREAKER =
            new CircuitBreakerSettings(50.0, 20, 100, Duration.ofSeconds(30));

    public static final PolicySettings SETTINGS =
            new PolicySettings(Duration.ofSeconds(10), null, RETRY, CIRCUIT_BREAKER, null, null);

    private PolicyDefaults() {}
}
