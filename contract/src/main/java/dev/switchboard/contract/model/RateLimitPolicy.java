package dev.switchboard.contract.model;

import java.time.Duration;

/** At most {@code permits} calls per {@code per}; excess calls get RESOURCE_EXHAUSTED / 429. */
public record RateLimitPolicy(int permits, Duration per) {}
