package dev.switchboard.spring;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

class SwitchboardEnvironmentDefaultsTest {

    @Configuration(proxyBeanMethods = false)
    static class Empty {}

    @Test
    void aFreshServiceSamplesEveryTraceAndExposesItsEndpoints() {
        try (ConfigurableApplicationContext context = run()) {
            Environment environment = context.getEnvironment();
            assertThat(environment.getProperty("management.tracing.sampling.probability")).isEqualTo("1.0");
            assertThat(environment.getProperty("management.endpoints.web.exposure.include"))
                    .isEqualTo("health,info,prometheus,switchboard");
        }
    }

    @Test
    void theApplicationsOwnDefaultPropertiesWinOverTheStartersDefaults() {
        try (ConfigurableApplicationContext context = run("management.tracing.sampling.probability=0.1")) {
            Environment environment = context.getEnvironment();
            assertThat(environment.getProperty("management.tracing.sampling.probability")).isEqualTo("0.1");
            assertThat(environment.getProperty("management.endpoints.web.exposure.include"))
                    .isEqualTo("health,info,prometheus,switchboard");
        }
    }

    @Test
    void anyOtherSourceWinsToo() {
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(Empty.class)
                .web(WebApplicationType.NONE).run("--management.tracing.sampling.probability=0.25")) {
            assertThat(context.getEnvironment().getProperty("management.tracing.sampling.probability")).isEqualTo("0.25");
        }
    }

    /** @param defaults the application's own default properties, as {@code SpringApplicationBuilder#properties} sets them */
    private static ConfigurableApplicationContext run(String... defaults) {
        return new SpringApplicationBuilder(Empty.class).web(WebApplicationType.NONE).properties(defaults).run();
    }
}
