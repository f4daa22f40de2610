package dev.switchboard.contract.model;

import java.time.Duration;

/**
 * Opens the circuit when the failure rate over the last {@code window} calls reaches
 * {@code failureRate}, once at least {@code minimumCalls} were made; stays open {@code openFor}.
 * Components are null when not declared.
 *
 * @param failureRate percent, 1..100
 */
public record CircuitBreakerPolicy(Double failureRate, Integer minimumCalls, Integer window, Duration openFor) {

    public CircuitBreakerPolicy overriddenBy(CircuitBreakerPolicy override) {
        if (override == null) {
            return this;
        }
        return new CircuitBreakerPolicy(
                Policies.pick(override.failureRate, failureRate),
                Policies.pick(override.minimumCalls, minimumCalls),
                Policies.pick(override.window, window),
                Policies.pick(override.openFor, openFor));
    }
}
