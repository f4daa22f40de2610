package dev.switchboard.spring.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.runtime.security.Caller;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.web.authentication.preauth.PreAuthenticatedAuthenticationToken;

class SecurityContextCallersTest {

    private final SecurityContextCallers callers = new SecurityContextCallers();

    @AfterEach
    void clear() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void noAuthenticationIsNoCaller() {
        assertThat(callers.current()).isEmpty();
    }

    @Test
    void anonymousIsNoCaller() {
        SecurityContextHolder.getContext().setAuthentication(new AnonymousAuthenticationToken("key", "anonymous",
                AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS")));

        assertThat(callers.current()).isEmpty();
    }

    @Test
    void jwtGivesSubjectScopesClaimsAndTheTokenToForward() {
        Jwt jwt = jwt(Map.of("sub", "alice", "scope", "orders:read  orders:write"));
        SecurityContextHolder.getContext().setAuthentication(new JwtAuthenticationToken(jwt, List.of()));

        Caller caller = callers.current().orElseThrow();

        assertThat(caller.subject()).isEqualTo("alice");
        assertThat(caller.scopes()).containsExactlyInAnyOrder("orders:read", "orders:write");
        assertThat(caller.claims()).containsEntry("sub", "alice");
        assertThat(caller.bearerToken()).hasValue("token-value");
        assertThat(caller.toString()).doesNotContain("token-value");
    }

    @Test
    void scpClaimAsAListAlsoGivesScopes() {
        Caller caller = SecurityContextCallers.of(jwt(Map.of("sub", "svc", "scp", List.of("a", "b"))));

        assertThat(caller.scopes()).containsExactlyInAnyOrder("a", "b");
    }

    @Test
    void certificateGivesItsCommonNameAndConfiguredScopes() {
        SwitchboardSecurityProperties properties = new SwitchboardSecurityProperties();
        properties.getCertificates().put("orders-service", List.of("ledger:read"));
        UserDetails user = new CertificateCallers(properties).loadUserByUsername("orders-service");
        SecurityContextHolder.getContext().setAuthentication(
                new PreAuthenticatedAuthenticationToken(user, "certificate", user.getAuthorities()));

        Caller caller = callers.current().orElseThrow();

        assertThat(caller.subject()).isEqualTo("orders-service");
        assertThat(caller.scopes()).containsExactly("ledger:read");
        assertThat(caller.bearerToken()).isEqualTo(Optional.empty());
    }

    @Test
    void unlistedCertificateAuthenticatesWithoutScopes() {
        UserDetails user = new CertificateCallers(new SwitchboardSecurityProperties()).loadUserByUsername("stranger");

        assertThat(user.getAuthorities()).isEmpty();
    }

    private static Jwt jwt(Map<String, Object> claims) {
        return new Jwt("token-value", Instant.now(), Instant.now().plusSeconds(60), Map.of("alg", "RS256"), claims);
    }
}
