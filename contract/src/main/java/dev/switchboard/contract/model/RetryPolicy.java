package dev.switchboard.contract.model;

import java.time.Duration;

/**
 * Retries with exponential backoff. Components are null when not declared.
 *
 * @param attempts   total attempts including the first, 1..10
 * @param jitter     random spread of each backoff, 0..1
 * @param budget     share of calls to one downstream that may be retries, 0..1
 */
public record RetryPolicy(Integer attempts, Duration backoff, Duration maxBackoff, Double jitter, Double budget) {

    public RetryPolicy overriddenBy(RetryPolicy override) {
        if (override == null) {
            return this;
        }
        return new RetryPolicy(
                Policies.pick(override.attempts, attempts),
                Policies.pick(override.backoff, backoff),
                Policies.pick(override.maxBackoff, maxBackoff),
                Policies.pick(override.jitter, jitter),
                Policies.pick(override.budget, budget));
    }
}
