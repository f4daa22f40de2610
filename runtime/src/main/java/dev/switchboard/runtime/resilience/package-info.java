/**
 * The policy engine: applies each operation's {@link dev.switchboard.runtime.policy.PolicySettings} on
 * Resilience4j, the client side ({@link dev.switchboard.runtime.resilience.ClientPolicy}: deadline, attempt
 * timeouts, retries with backoff and a retry budget, circuit breaker, fallback) and the server side
 * ({@link dev.switchboard.runtime.resilience.ServerPolicy}: concurrency limit and rate limit).
 *
 * <p>It sits above {@link dev.switchboard.runtime.policy} (the model it applies) and
 * {@link dev.switchboard.runtime.call} (the deadline a call inherits), so neither of those depends on it and
 * the two do not depend on each other both ways. Transports hand it to the call pipelines in
 * {@link dev.switchboard.runtime.pipeline}, which apply it.
 */
package dev.switchboard.runtime.resilience;
