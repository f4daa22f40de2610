/**
 * The call a thread is serving and by when it must be done: {@link dev.switchboard.runtime.call.CallContext}
 * and {@link dev.switchboard.runtime.call.Deadline}. Depends only on the policy model (the operation a call
 * serves); the policy engine ({@link dev.switchboard.runtime.resilience}) and the call pipelines
 * ({@link dev.switchboard.runtime.pipeline}) build on it, never the other way round.
 */
package dev.switchboard.runtime.call;
