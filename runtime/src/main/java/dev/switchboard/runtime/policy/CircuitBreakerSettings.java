package dev.switchboard.runtime.policy;

import java.time.Duration;

/**
 * Circuit-breaker values; a null component is not declared at this layer.
 *
 * @param failureRate  failure percentage (1..100) that opens the circuit
 * @param minimumCalls calls needed before the rate counts
 * @param window       recent calls the rate is computed over
 * @param openFor      how long the circuit stays open before it lets trial calls through
 */
public record CircuitBreakerSettings(Double failureRate, Integer minimumCalls, Integer window, Duration openFor) {

    public static final CircuitBreakerSettings NONE = new CircuitBreakerSettings(null, null, null, null);

    /** These values with {@code failureRate} (a percentage, 1..100) declared. */
    public CircuitBreakerSettings withFailureRate(double failureRate) {
        return new CircuitBreakerSettings(failureRate, minimumCalls, window, openFor);
    }

    /** These values with {@code minimumCalls} declared. */
    public CircuitBreakerSettings withMinimumCalls(int minimumCalls) {
        return new CircuitBreakerSettings(failureRate, minimumCalls, window, openFor);
    }

    /** These values with {@code window} declared. */
    public CircuitBreakerSettings withWindow(int window) {
        return new CircuitBreakerSettings(failureRate, minimumCalls, window, openFor);
    }

    /** These values with {@code openFor} declared. */
    public CircuitBreakerSettings withOpenFor(Duration openFor) {
        return new CircuitBreakerSettings(failureRate, minimumCalls, window, openFor);
    }

    /** These values with every value that {@code override} declares put in their place. */
    public CircuitBreakerSettings overriddenBy(CircuitBreakerSettings override) {
        if (override == null) {
            return this;
        }
        return new CircuitBreakerSettings(
                PolicySettings.pick(override.failureRate, failureRate),
                PolicySettings.pick(override.minimumCalls, minimumCalls),
                PolicySettings.pick(override.window, window),
                PolicySettings.pick(override.openFor, openFor));
    }
}
