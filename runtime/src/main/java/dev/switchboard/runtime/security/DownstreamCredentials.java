package dev.switchboard.runtime.security;

import java.util.Optional;

/**
 * The bearer token a generated client sends to a downstream service, looked up on the calling
 * thread for each attempt (so a forwarded token is the current caller's, and an obtained one is
 * refreshed before it expires). Transports stay free of any security library: they only ask.
 */
@FunctionalInterface
public interface DownstreamCredentials {

    /** No credentials on any call. */
    DownstreamCredentials NONE = service -> Optional.empty();

    /** The token for the next call to {@code service} (its contract name), if it sends one. */
    Optional<String> bearerToken(String service);
}
