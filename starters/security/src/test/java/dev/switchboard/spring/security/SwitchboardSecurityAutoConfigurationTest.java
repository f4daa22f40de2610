package dev.switchboard.spring.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.rest.server.TraceIds;
import dev.switchboard.runtime.security.CallerSource;
import dev.switchboard.runtime.security.DownstreamCredentials;
import dev.switchboard.spring.SwitchboardAutoConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration;
import org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration;
import org.springframework.boot.security.oauth2.client.autoconfigure.OAuth2ClientAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.client.AuthorizedClientServiceOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.web.SecurityFilterChain;

/** What the starter registers beside Spring Boot's own security auto-configuration, and when it steps aside. */
class SwitchboardSecurityAutoConfigurationTest {

    private final WebApplicationContextRunner contexts = new WebApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(SwitchboardAutoConfiguration.class,
                    SecurityAutoConfiguration.class, ServletWebSecurityAutoConfiguration.class,
                    UserDetailsServiceAutoConfiguration.class, org.springframework.boot.security.oauth2.server.resource.autoconfigure.servlet
                            .OAuth2ResourceServerAutoConfiguration.class,
                    OAuth2ClientAutoConfiguration.class, SwitchboardSecurityAutoConfiguration.class,
                    SwitchboardWebSecurityAutoConfiguration.class));

    @Test
    void registersTheCallerSourceCredentialsAndOneFilterChainOfItsOwn() {
        contexts.withPropertyValues("spring.security.oauth2.resourceserver.jwt.jwk-set-uri=http://127.0.0.1:1/jwks")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context).hasSingleBean(CallerSource.class).hasSingleBean(DownstreamCredentials.class)
                            .hasSingleBean(JwtDecoder.class).hasSingleBean(ProblemSecurityResponses.class);
                    assertThat(context.getBeansOfType(SecurityFilterChain.class))
                            .containsOnlyKeys("switchboardSecurityFilterChain");
                    assertThat(context).doesNotHaveBean(AuthorizedClientServiceOAuth2AuthorizedClientManager.class);
                });
    }

    @Test
    void withoutJwtSettingsTheChainStillStartsAndNoLoginUserIsGenerated() {
        contexts.run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context).doesNotHaveBean(JwtDecoder.class);
            assertThat(context.getBeansOfType(SecurityFilterChain.class))
                    .containsOnlyKeys("switchboardSecurityFilterChain");
            assertThat(context).doesNotHaveBean("inMemoryUserDetailsManager");
        });
    }

    @Test
    void aServiceWithoutSwitchboardRestStillGetsTheOpenChain() {
        contexts.withClassLoader(new FilteredClassLoader(TraceIds.class)).run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context.getBeansOfType(SecurityFilterChain.class))
                    .containsOnlyKeys("switchboardSecurityFilterChain");
            assertThat(context).doesNotHaveBean(ProblemSecurityResponses.class);
        });
    }

    @Test
    void anApplicationsOwnFilterChainReplacesTheStartersOne() {
        contexts.withUserConfiguration(OwnChain.class).run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context.getBeansOfType(SecurityFilterChain.class)).containsOnlyKeys("ownChain");
            assertThat(context).hasSingleBean(ProblemSecurityResponses.class);
        });
    }

    @Test
    void aClientRegistrationGetsAManagerForUseOutsideWebRequests() {
        String registration = "spring.security.oauth2.client.registration.points.";
        contexts.withPropertyValues(registration + "client-id=orders", registration + "client-secret=s",
                registration + "authorization-grant-type=client_credentials",
                "spring.security.oauth2.client.provider.points.token-uri=http://127.0.0.1:1/token")
                .run(context -> assertThat(context)
                        .hasSingleBean(AuthorizedClientServiceOAuth2AuthorizedClientManager.class));
    }

    @Configuration(proxyBeanMethods = false)
    static class OwnChain {
        @Bean
        SecurityFilterChain ownChain(HttpSecurity http) throws Exception {
            return http.build();
        }
    }
}
