/**
 * The two call pipelines every transport runs its calls through, written once: the
 * {@link dev.switchboard.runtime.pipeline.ServerPipeline} (observe → deadline → admit → decode and validate →
 * deadline check → handler in its call context → failure mapping → observation stopped) and the
 * {@link dev.switchboard.runtime.pipeline.ClientPipeline} (observe with trace headers → client policy around
 * the transport's attempts → observation stopped; streams opened once under the policy).
 *
 * <p>A transport keeps only what is its own: reading headers and its deadline, decoding, writing
 * answers and statuses (small adapters: {@link dev.switchboard.runtime.pipeline.UnaryExchange},
 * {@link dev.switchboard.runtime.pipeline.StreamExchange}, {@link dev.switchboard.runtime.pipeline.ResponseStream},
 * {@link dev.switchboard.runtime.pipeline.OutgoingCall}, {@link dev.switchboard.runtime.pipeline.OutgoingStream}).
 * This package is the top of the runtime's call layers: it uses {@code observation}, {@code resilience},
 * {@code call}, {@code validation} and {@code policy}, and nothing in the runtime uses it.
 */
package dev.switchboard.runtime.pipeline;
