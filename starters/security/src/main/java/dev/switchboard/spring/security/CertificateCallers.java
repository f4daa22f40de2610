package dev.switchboard.spring.security;

import java.util.List;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * Who a client certificate's holder is: its subject's CN (what Spring Security's
 * {@code SubjectX500PrincipalExtractor} takes, on REST's x509 filter and Spring gRPC's pre-auth
 * alike), with the scopes {@code switchboard.security.certificates.<cn>} grants, as {@code SCOPE_}
 * authorities. Which certificates may connect at all is the SSL bundle's trust store's decision.
 */
public final class CertificateCallers implements UserDetailsService {

    private final SwitchboardSecurityProperties properties;

    public CertificateCallers(SwitchboardSecurityProperties properties) {
        this.properties = properties;
    }

    @Override
    public UserDetails loadUserByUsername(String commonName) {
        List<String> scopes = properties.getCertificates().getOrDefault(commonName, List.of());
        return User.withUsername(commonName)
                .password("")
                .authorities(scopes.stream()
                        .map(scope -> new SimpleGrantedAuthority(SecurityContextCallers.SCOPE_AUTHORITY + scope))
                        .toList())
                .build();
    }
}
