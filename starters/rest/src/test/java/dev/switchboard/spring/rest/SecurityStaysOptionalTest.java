package dev.switchboard.spring.rest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.util.ClassUtils;

/**
 * A service built on the REST starter alone is not locked down: Spring Security, whose Boot
 * defaults would put a login on every route and the actuator, comes only with
 * switchboard-spring-boot-starter-security.
 */
class SecurityStaysOptionalTest {

    @Test
    void springSecurityIsNotOnTheRestStartersClassPath() {
        ClassLoader loader = getClass().getClassLoader();

        assertThat(ClassUtils.isPresent("org.springframework.security.web.SecurityFilterChain", loader)).isFalse();
        assertThat(ClassUtils.isPresent("org.springframework.security.core.context.SecurityContextHolder", loader))
                .isFalse();
    }
}
