package dev.switchboard.spring.security;

import dev.switchboard.rest.server.TraceIds;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.oauth2.server.resource.web.access.BearerTokenAccessDeniedHandler;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import tools.jackson.databind.json.JsonMapper;

/**
 * REST: Spring Security's filter chain only authenticates (a bearer JWT through its OAuth2 resource
 * server with the application's one {@link JwtDecoder}, or a client certificate); every request
 * passes on to the routes, whose server pipeline decides from the operation's access. So health,
 * {@code /openapi.yaml}, {@code /asyncapi.yaml} and public operations stay reachable without a token,
 * and a secured operation without one answers 401 from the pipeline. A token that is present but
 * invalid is refused by the filter, with {@link ProblemSecurityResponses}. No sessions, no CSRF
 * (callers are services with tokens, not browsers with cookies). An application that defines its own
 * {@link SecurityFilterChain} (to lock the actuator, say) replaces this one; it can reuse the
 * {@code switchboardSecurityResponses} bean as its entry point.
 */
@AutoConfiguration(after = SwitchboardSecurityAutoConfiguration.class, beforeName = {
        "org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration",
        "org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration",
        "org.springframework.boot.security.oauth2.server.resource.autoconfigure.servlet."
                + "OAuth2ResourceServerAutoConfiguration",
        "org.springframework.boot.security.oauth2.client.autoconfigure.servlet."
                + "OAuth2ClientWebSecurityAutoConfiguration"})
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass({SecurityFilterChain.class, HttpSecurity.class})
public class SwitchboardWebSecurityAutoConfiguration {

    /**
     * The chain, also for a service whose HTTP side is only the actuator (gRPC alone): without
     * switchboard-rest it answers refusals as Spring Security does, with no problem+json body.
     */
    @Bean
    @ConditionalOnMissingBean(SecurityFilterChain.class)
    SecurityFilterChain switchboardSecurityFilterChain(HttpSecurity http, ObjectProvider<JwtDecoder> jwtDecoder,
            ObjectProvider<ProblemSecurityResponses> problems, CertificateCallers certificates) throws Exception {
        ProblemSecurityResponses responses = problems.getIfAvailable();
        AuthenticationEntryPoint entryPoint = responses != null ? responses : new BearerTokenAuthenticationEntryPoint();
        AccessDeniedHandler accessDenied = responses != null ? responses : new BearerTokenAccessDeniedHandler();
        http.authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .csrf(AbstractHttpConfigurer::disable)
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(AbstractHttpConfigurer::disable)
                .exceptionHandling(failures -> failures.authenticationEntryPoint(entryPoint)
                        .accessDeniedHandler(accessDenied))
                .x509(x509 -> x509.userDetailsService(certificates));
        JwtDecoder decoder = jwtDecoder.getIfAvailable();
        if (decoder != null) {
            http.oauth2ResourceServer(resourceServer -> resourceServer
                    .jwt(jwt -> jwt.decoder(decoder))
                    .authenticationEntryPoint(entryPoint)
                    .accessDeniedHandler(accessDenied));
        }
        return http.build();
    }

    /** Refusals in Switchboard's problem+json shape, where switchboard-rest writes it. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(TraceIds.class)
    static class ProblemResponsesConfiguration {

        @Bean
        @ConditionalOnMissingBean
        ProblemSecurityResponses switchboardSecurityResponses(ObjectProvider<JsonMapper> json,
                ObjectProvider<TraceIds> traceIds, SecurityRefusals refusals) {
            return new ProblemSecurityResponses(json.getIfAvailable(() -> JsonMapper.builder().build()),
                    traceIds.getIfAvailable(() -> new TraceIds(null)), refusals);
        }
    }
}
