package dev.switchboard.spring.security;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * What Switchboard adds to Spring Security's own properties ({@code spring.security.oauth2.*}):
 * the scopes a client certificate carries.
 */
@ConfigurationProperties("switchboard.security")
public class SwitchboardSecurityProperties {

    /**
     * Client certificate CN → the scopes its holder is granted, e.g.
     * {@code switchboard.security.certificates.orders-service=inventory:read}; a CN with dots is
     * written in brackets ({@code certificates.[orders.internal]}). A certificate the server's SSL
     * bundle trusts but not listed here authenticates its CN with no scopes.
     */
    private Map<String, List<String>> certificates = new LinkedHashMap<>();

    public Map<String, List<String>> getCertificates() {
        return certificates;
    }

    public void setCertificates(Map<String, List<String>> certificates) {
        this.certificates = certificates;
    }
}
