/**
 * The policy model: what the contract, configuration and defaults say about each operation
 * ({@link dev.switchboard.runtime.policy.OperationDescriptor}, {@link dev.switchboard.runtime.policy.PolicySettings}
 * and its parts, {@link dev.switchboard.runtime.policy.ClientFallback}). Generated code refers to these types,
 * so they stay here with a stable API.
 *
 * <p>This package is the bottom of the call layers and depends on no other runtime package but the
 * root (errors): {@code policy} ← {@code call} ← {@code resilience} ← {@code pipeline}. The engine
 * that applies the policies lives in {@link dev.switchboard.runtime.resilience}, because it needs the
 * call context and deadlines of {@link dev.switchboard.runtime.call}, which in turn name the
 * operation they serve; keeping the engine here made {@code call} and {@code policy} depend on each
 * other.
 */
package dev.switchboard.runtime.policy;
