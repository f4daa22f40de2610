package dev.switchboard.spring.security;

import dev.switchboard.runtime.security.Caller;
import dev.switchboard.runtime.security.CallerSource;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * The caller Spring Security authenticated for the current call, as the server pipeline needs it:
 * Spring Security's filter chain (REST) and Spring gRPC's security interceptor (gRPC) both leave
 * their result in the {@link SecurityContextHolder} while the call is served. A JWT gives its
 * {@code sub}, its {@code scope}/{@code scp} claim, its claims and the token itself (for clients
 * that forward it); a client certificate gives its CN and the scopes configured for it, carried as
 * {@code SCOPE_} authorities like a token's.
 */
public final class SecurityContextCallers implements CallerSource {

    static final String SCOPE_AUTHORITY = "SCOPE_";

    @Override
    public Optional<Caller> current() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !authentication.isAuthenticated()
                || authentication instanceof AnonymousAuthenticationToken) {
            return Optional.empty();
        }
        if (authentication instanceof JwtAuthenticationToken token) {
            return Optional.of(of(token.getToken()));
        }
        return Optional.of(new Caller(authentication.getName(), scopes(authentication.getAuthorities()), Map.of(),
                Optional.empty()));
    }

    /** A validated token as a caller: scopes from {@code scope} (space-separated) or {@code scp} (list or string). */
    static Caller of(Jwt token) {
        Set<String> scopes = new LinkedHashSet<>();
        for (String claim : new String[] {"scope", "scp"}) {
            Object value = token.getClaims().get(claim);
            if (value instanceof String names) {
                Arrays.stream(names.split(" ")).filter(name -> !name.isBlank()).forEach(scopes::add);
            } else if (value instanceof Collection<?> names) {
                names.forEach(name -> scopes.add(String.valueOf(name)));
            }
        }
        String subject = token.getSubject() == null ? "" : token.getSubject();
        return new Caller(subject, scopes, token.getClaims(), Optional.of(token.getTokenValue()));
    }

    private static Set<String> scopes(Collection<? extends GrantedAuthority> authorities) {
        Set<String> scopes = new LinkedHashSet<>();
        for (GrantedAuthority authority : authorities) {
            String name = authority.getAuthority();
            if (name != null && name.startsWith(SCOPE_AUTHORITY)) {
                scopes.add(name.substring(SCOPE_AUTHORITY.length()));
            }
        }
        return scopes;
    }
}
