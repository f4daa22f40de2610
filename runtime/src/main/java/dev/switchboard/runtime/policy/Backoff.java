package dev.switchboard.runtime.policy;

import java.time.Duration;
import java.util.function.DoubleSupplier;

/** Exponential backoff with jitter: {@code backoff × 2^(retry-1)}, spread by ±jitter, never above {@code maxBackoff}. */
public final class Backoff {

    private final Duration base;
    private final Duration max;
    private final double jitter;
    private final DoubleSupplier random;

    public Backoff(RetrySettings retry, DoubleSupplier random) {
        this.base = retry.backoff();
        this.max = retry.maxBackoff();
        this.jitter = retry.jitter();
        this.random = random;
    }

    /** The wait before retry number {@code retry} (1 for the first retry). */
    public Duration before(int retry) {
        double exponential = base.toNanos() * Math.pow(2, Math.min(retry - 1, 62));
        double capped = Math.min(exponential, max.toNanos());
        double spread = capped * (1 + jitter * (2 * random.getAsDouble() - 1));
        return Duration.ofNanos((long) Math.max(0, Math.min(spread, max.toNanos())));
    }
}
