package dev.switchboard.runtime.policy;

import java.time.Duration;

/**
 * Retry values; a null component is not declared at this layer and comes from the next one down
 * (operation → service → contract → runtime defaults).
 *
 * @param attempts   total attempts including the first; 1 means no retry
 * @param backoff    wait before the first retry; doubles on each further retry
 * @param maxBackoff the longest wait
 * @param jitter     random spread of each wait, 0..1 (0.2 = ±20%)
 * @param budget     share of calls to one downstream that may be retries, 0..1
 */
public record RetrySettings(Integer attempts, Duration backoff, Duration maxBackoff, Double jitter, Double budget) {

    public static final RetrySettings NONE = new RetrySettings(null, null, null, null, null);

    /** These values with {@code attempts} declared. */
    public RetrySettings withAttempts(int attempts) {
        return new RetrySettings(attempts, backoff, maxBackoff, jitter, budget);
    }

    /** These values with {@code backoff} declared. */
    public RetrySettings withBackoff(Duration backoff) {
        return new RetrySettings(attempts, backoff, maxBackoff, jitter, budget);
    }

    /** These values with {@code maxBackoff} declared. */
    public RetrySettings withMaxBackoff(Duration maxBackoff) {
        return new RetrySettings(attempts, backoff, maxBackoff, jitter, budget);
    }

    /** These values with {@code jitter} (0..1) declared. */
    public RetrySettings withJitter(double jitter) {
        return new RetrySettings(attempts, backoff, maxBackoff, jitter, budget);
    }

    /** These values with {@code budget} (0..1) declared. */
    public RetrySettings withBudget(double budget) {
        return new RetrySettings(attempts, backoff, maxBackoff, jitter, budget);
    }

    /** These values with every value that {@code override} declares put in their place. */
    public RetrySettings overriddenBy(RetrySettings override) {
        if (override == null) {
            return this;
        }
        return new RetrySettings(
                PolicySettings.pick(override.attempts, attempts),
                PolicySettings.pick(override.backoff, backoff),
                PolicySettings.pick(override.maxBackoff, maxBackoff),
                PolicySettings.pick(override.jitter, jitter),
                PolicySettings.pick(override.budget, budget));
    }
}
