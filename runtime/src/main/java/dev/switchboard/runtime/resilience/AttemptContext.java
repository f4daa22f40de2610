package dev.switchboard.runtime.resilience;

import dev.switchboard.runtime.call.Deadline;

/**
 * What one attempt of a client call may use: its number (1 for the first) and its deadline, the
 * earlier of the attempt timeout and the whole call's deadline. The transport enforces the
 * deadline natively (request timeout, gRPC deadline) and sends what remains of it downstream.
 */
public record AttemptContext(int attempt, Deadline deadline) {}
