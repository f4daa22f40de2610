package dev.switchboard.runtime.security;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Who is calling, as the transport's authentication established it (a validated JWT, a client
 * certificate), the same on REST and gRPC: what a handler reads from
 * {@code CallContext.current().flatMap(CallContext::caller)}, and what a client forwards downstream.
 *
 * @param subject     the token's {@code sub}, or the certificate's subject name
 * @param scopes      what the caller was granted ({@code scope}/{@code scp} of a token)
 * @param claims      the token's claims (empty for a certificate)
 * @param bearerToken the token as received, for clients that forward it; empty for a certificate
 */
public record Caller(String subject, Set<String> scopes, Map<String, Object> claims, Optional<String> bearerToken) {

    public Caller {
        Objects.requireNonNull(subject, "subject");
        scopes = Set.copyOf(scopes);
        claims = Map.copyOf(claims);
        Objects.requireNonNull(bearerToken, "bearerToken");
    }

    /** Whether this caller may call an operation with {@code access}. */
    public boolean holdsAll(Set<String> required) {
        return scopes.containsAll(required);
    }

    @Override
    public String toString() {
        // Never the token itself: callers end up in logs.
        return "Caller[" + subject + " " + scopes + "]";
    }
}
