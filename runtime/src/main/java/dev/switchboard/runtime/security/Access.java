package dev.switchboard.runtime.security;

import java.util.Objects;
import java.util.Set;

/**
 * Who may call an operation, as its contract says: anyone ({@link #PUBLIC}: the operation is
 * {@code public: true}, or the contract has no {@code security} section), or an authenticated
 * caller holding every one of {@code scopes} (none: any authenticated caller). Both transports
 * decide with the same value, in the shared server pipeline.
 *
 * @param isPublic whether callers need no credentials at all
 * @param scopes   what an authenticated caller must hold, every one; empty when public
 */
public record Access(boolean isPublic, Set<String> scopes) {

    /** Anyone may call. */
    public static final Access PUBLIC = new Access(true, Set.of());

    /** Any authenticated caller may call. */
    public static final Access AUTHENTICATED = new Access(false, Set.of());

    public Access {
        scopes = Set.copyOf(Objects.requireNonNull(scopes, "scopes"));
        if (isPublic && !scopes.isEmpty()) {
            throw new IllegalArgumentException("a public operation requires no scopes, got " + scopes);
        }
    }

    /** An authenticated caller holding every one of {@code scopes}. */
    public static Access scopes(String... scopes) {
        return new Access(false, Set.of(scopes));
    }
}
