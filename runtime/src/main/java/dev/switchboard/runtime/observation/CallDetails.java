package dev.switchboard.runtime.observation;

/**
 * What an observation is about, kept in its context so conventions (ours or a user's) can read
 * it: the contract's service, the operation or message name, the transport and the side.
 */
public record CallDetails(String service, String operation, String transport, CallKind kind) {}
