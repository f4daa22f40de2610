package dev.switchboard.runtime.resilience;

import dev.switchboard.runtime.policy.OperationDescriptor;
import dev.switchboard.runtime.policy.PolicySettings;
/**
 * The server side of one operation's policy: a concurrency limit (bulkhead) and an optional
 * rate limit. Obtained from {@link PolicyEngine#server}; thread-safe, one per operation.
 */
public interface ServerPolicy {

    OperationDescriptor operation();

    PolicySettings settings();

    /**
     * Lets one call in, or rejects it at once with a {@link dev.switchboard.runtime.RetryLaterException}
     * (RESOURCE_EXHAUSTED) that says when to retry. The permit must be closed when the call,
     * including any response stream, is done.
     */
    Permit admit();

    /** One admitted call. */
    @FunctionalInterface
    interface Permit extends AutoCloseable {
        @Override
        void close();
    }
}
