package dev.switchboard.runtime.resilience;

import dev.switchboard.runtime.ErrorCode;
import dev.switchboard.runtime.RetryLaterException;
import dev.switchboard.runtime.policy.OperationDescriptor;
import dev.switchboard.runtime.policy.PolicySettings;
import dev.switchboard.runtime.policy.RateLimitSettings;
import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.internal.AtomicRateLimiter;
import java.time.Duration;

/** Admission on Resilience4j's semaphore bulkhead and rate limiter; both reject at once, never queue. */
final class DefaultServerPolicy implements ServerPolicy {

    /** When a full bulkhead suggests trying again: calls are short, so soon. */
    static final Duration BULKHEAD_RETRY_AFTER = Duration.ofMillis(100);

    private static final Permit NO_LIMIT = () -> {};

    private final OperationDescriptor operation;
    private final PolicySettings settings;
    private final Bulkhead bulkhead;
    private final RateLimiter rateLimiter;

    DefaultServerPolicy(OperationDescriptor operation, PolicySettings settings, Bulkhead bulkhead, RateLimiter rateLimiter) {
        this.operation = operation;
        this.settings = settings;
        this.bulkhead = bulkhead;
        this.rateLimiter = rateLimiter;
    }

    @Override
    public OperationDescriptor operation() {
        return operation;
    }

    @Override
    public PolicySettings settings() {
        return settings;
    }

    @Override
    public Permit admit() {
        if (rateLimiter != null && !rateLimiter.acquirePermission()) {
            RateLimitSettings limit = settings.rateLimit();
            throw new RetryLaterException(ErrorCode.RESOURCE_EXHAUSTED,
                    "rate limit of " + limit.permits() + " per " + limit.per().toMillis() + "ms exceeded for "
                            + operation.fullName(),
                    untilRefresh(limit));
        }
        if (bulkhead == null) {
            return NO_LIMIT;
        }
        if (!bulkhead.tryAcquirePermission()) {
            throw new RetryLaterException(ErrorCode.RESOURCE_EXHAUSTED,
                    "too many concurrent calls to " + operation.fullName() + " (limit "
                            + settings.concurrency() + ")",
                    BULKHEAD_RETRY_AFTER);
        }
        return bulkhead::onComplete;
    }

    private Duration untilRefresh(RateLimitSettings limit) {
        if (rateLimiter instanceof AtomicRateLimiter atomic) {
            long nanos = atomic.getDetailedMetrics().getNanosToWait();
            if (nanos > 0) {
                return Duration.ofNanos(nanos);
            }
        }
        return limit.per();
    }
}
