package dev.switchboard.runtime.security;

import java.util.Optional;

/**
 * How the server pipeline learns who is calling: the transport's framework authenticated the
 * caller before the pipeline runs (Spring Security's filter chain on REST, Spring gRPC's security
 * interceptor on gRPC), and a source reads its result for the current call. Without security,
 * every call is {@link #ANONYMOUS}.
 */
@FunctionalInterface
public interface CallerSource {

    /** No authentication: every call is anonymous, which only public operations accept. */
    CallerSource ANONYMOUS = () -> Optional.empty();

    /** The authenticated caller of the call the current thread serves, if it was authenticated. */
    Optional<Caller> current();
}
