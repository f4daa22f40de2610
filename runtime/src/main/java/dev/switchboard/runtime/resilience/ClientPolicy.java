package dev.switchboard.runtime.resilience;

import dev.switchboard.runtime.policy.ClientFallback;
import dev.switchboard.runtime.policy.OperationDescriptor;
import dev.switchboard.runtime.policy.PolicySettings;
/**
 * The client side of one operation's policy: deadline, per-attempt timeout, retries with
 * backoff, jitter and a retry budget shared by the downstream service, and a circuit breaker.
 * Obtained from {@link PolicyEngine#client}; thread-safe, one per operation.
 */
public interface ClientPolicy {

    /** The operation this policy guards. */
    OperationDescriptor operation();

    /** The policy values in force (contract, configuration and defaults merged). */
    PolicySettings settings();

    /**
     * Runs {@code attempt} until it succeeds, the failure is not retryable, the attempts, the
     * budget or the deadline run out, or the circuit is open. A failure is retried only when its
     * code is retryable for this operation and the operation is idempotent or the call carries
     * an idempotency key.
     *
     * @param idempotencyKeyed whether every attempt carries the same idempotency key
     * @param attempt          one try over the transport
     * @param fallback         degradation when the circuit is open or retries are spent; null: rethrow
     * @throws dev.switchboard.runtime.SwitchboardException the last failure, mapped to the taxonomy
     */
    <T> T execute(boolean idempotencyKeyed, ClientAttempt<T> attempt, ClientFallback<T> fallback);

    /**
     * Runs {@code attempt} once, under the circuit breaker and the call's deadline, with no retry
     * and no fallback: how a stream is opened, since messages may have flowed before it fails.
     *
     * @throws dev.switchboard.runtime.SwitchboardException the failure, mapped to the taxonomy
     */
    <T> T executeOnce(ClientAttempt<T> attempt);
}
