package dev.switchboard.spring.security;

import dev.switchboard.runtime.security.CallerSource;
import dev.switchboard.runtime.security.DownstreamCredentials;
import dev.switchboard.spring.SwitchboardProperties;
import io.micrometer.observation.ObservationRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.client.AuthorizedClientServiceOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.InMemoryOAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientProviderBuilder;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;

/**
 * Security for both transports: who is calling (read from Spring Security's context by the REST and
 * gRPC servers' pipelines), who a client certificate's holder is, and the credentials generated
 * clients send downstream. The transports' own wiring is in {@link SwitchboardWebSecurityAutoConfiguration}
 * and {@link SwitchboardGrpcSecurityAutoConfiguration}.
 */
@AutoConfiguration(afterName = {"dev.switchboard.spring.SwitchboardAutoConfiguration",
        "org.springframework.boot.security.oauth2.client.autoconfigure.OAuth2ClientAutoConfiguration"},
        beforeName = {"dev.switchboard.spring.rest.SwitchboardRestAutoConfiguration",
                "dev.switchboard.spring.grpc.SwitchboardGrpcAutoConfiguration"})
@EnableConfigurationProperties(SwitchboardSecurityProperties.class)
public class SwitchboardSecurityAutoConfiguration {

    /** Read by the REST and gRPC servers, which pass it to their pipelines. */
    @Bean
    @ConditionalOnMissingBean
    CallerSource switchboardCallerSource() {
        return new SecurityContextCallers();
    }

    @Bean
    @ConditionalOnMissingBean
    CertificateCallers switchboardCertificateCallers(SwitchboardSecurityProperties properties) {
        return new CertificateCallers(properties);
    }

    @Bean
    @ConditionalOnMissingBean
    SecurityRefusals switchboardSecurityRefusals(ObjectProvider<ObservationRegistry> observations) {
        return new SecurityRefusals(observations.getIfAvailable(() -> ObservationRegistry.NOOP));
    }

    /** Read by the REST and gRPC clients for every call. */
    @Bean
    @ConditionalOnMissingBean
    DownstreamCredentials switchboardDownstreamCredentials(SwitchboardProperties properties,
            ObjectProvider<OAuth2AuthorizedClientManager> clients) {
        return new DownstreamTokens(properties, clients::getIfUnique);
    }

    /**
     * Client credentials outside any web request (a message handler, a scheduled job): the manager for
     * that, not the request-bound one Spring Security's servlet support makes. Its client-credentials
     * provider fetches a new token when the kept one is within a minute of expiring.
     */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnBean(ClientRegistrationRepository.class)
    static class ClientCredentialsConfiguration {

        @Bean
        @ConditionalOnMissingBean(name = "switchboardAuthorizedClientManager")
        AuthorizedClientServiceOAuth2AuthorizedClientManager switchboardAuthorizedClientManager(
                ClientRegistrationRepository registrations, ObjectProvider<OAuth2AuthorizedClientService> clients) {
            AuthorizedClientServiceOAuth2AuthorizedClientManager manager =
                    new AuthorizedClientServiceOAuth2AuthorizedClientManager(registrations,
                            clients.getIfAvailable(() -> new InMemoryOAuth2AuthorizedClientService(registrations)));
            manager.setAuthorizedClientProvider(OAuth2AuthorizedClientProviderBuilder.builder()
                    .clientCredentials()
                    .build());
            return manager;
        }
    }
}
