package dev.switchboard.spring.security;

import dev.switchboard.grpc.GrpcStatuses;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.grpc.server.GlobalServerInterceptor;
import org.springframework.grpc.server.security.AuthenticationProcessInterceptor;
import org.springframework.grpc.server.security.GrpcSecurity;
import org.springframework.security.oauth2.jwt.JwtDecoder;

/**
 * gRPC: Spring gRPC's security interceptor only authenticates, with the same {@link JwtDecoder} bean
 * as REST (a bearer token in {@code authorization} metadata) or the client certificate of the TLS
 * session; every call passes on (Spring gRPC's default would refuse every unauthenticated call,
 * health and reflection included), and the server pipeline decides from the operation's access.
 * A token is preferred to the channel's certificate when a call has both. Refusals of invalid tokens
 * carry Switchboard's status details ({@link GrpcSecurityStatuses}).
 */
// Spring gRPC 1.0's auto-configuration names (Boot 4.0), then Boot 4.1's own, where gRPC moved into Boot.
@AutoConfiguration(after = SwitchboardSecurityAutoConfiguration.class, afterName = {
        "org.springframework.boot.grpc.server.autoconfigure.security.GrpcSecurityAutoConfiguration",
        "org.springframework.boot.grpc.server.autoconfigure.security.GrpcServerSecurityAutoConfiguration"},
        beforeName = {
                "org.springframework.boot.grpc.server.autoconfigure.security.OAuth2ResourceServerAutoConfiguration",
                "org.springframework.boot.grpc.server.autoconfigure.exception.GrpcExceptionHandlerAutoConfiguration",
                "org.springframework.boot.grpc.server.autoconfigure.security."
                        + "GrpcServerOAuth2ResourceServerAutoConfiguration"})
@ConditionalOnClass({GrpcSecurity.class, GrpcStatuses.class})
public class SwitchboardGrpcSecurityAutoConfiguration {

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    @ConditionalOnMissingBean
    GrpcSecurityStatuses switchboardGrpcSecurityStatuses(SecurityRefusals refusals) {
        return new GrpcSecurityStatuses(refusals);
    }

    @Bean
    @GlobalServerInterceptor
    @ConditionalOnBean(GrpcSecurity.class)
    @ConditionalOnMissingBean(AuthenticationProcessInterceptor.class)
    AuthenticationProcessInterceptor switchboardGrpcAuthentication(GrpcSecurity grpc,
            ObjectProvider<JwtDecoder> jwtDecoder, CertificateCallers certificates) throws Exception {
        grpc.authorizeRequests(requests -> requests.allRequests().permitAll());
        JwtDecoder decoder = jwtDecoder.getIfAvailable();
        if (decoder != null) {
            grpc.oauth2ResourceServer(resourceServer -> resourceServer.jwt(jwt -> jwt.decoder(decoder)));
        }
        grpc.preauth(preauth -> preauth.userDetailsService(certificates));
        return grpc.build();
    }
}
