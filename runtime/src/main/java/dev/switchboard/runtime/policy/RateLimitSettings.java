package dev.switchboard.runtime.policy;

import java.time.Duration;
import java.util.Objects;

/** At most {@code permits} calls per {@code per}; excess calls are rejected with RESOURCE_EXHAUSTED. */
public record RateLimitSettings(int permits, Duration per) {

    public RateLimitSettings {
        if (permits < 1) {
            throw new IllegalArgumentException("rate limit permits must be at least 1, got " + permits);
        }
        Objects.requireNonNull(per, "per");
        if (per.isZero() || per.isNegative()) {
            throw new IllegalArgumentException("rate limit period must be positive, got " + per);
        }
    }
}
