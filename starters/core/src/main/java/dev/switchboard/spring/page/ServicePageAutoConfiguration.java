package dev.switchboard.spring.page;

import dev.switchboard.runtime.policy.ServedOperations;
import dev.switchboard.runtime.ServedSpecification;
import dev.switchboard.runtime.messaging.ServedMessages;
import dev.switchboard.runtime.resilience.PolicyEngine;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Objects;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * The service page, {@code /actuator/switchboard}, when the endpoint is available (exposed and not switched off).
 * Generated configurations declare what is served; they may run after this one, hence the providers, read when
 * the page is.
 */
@AutoConfiguration(afterName = "dev.switchboard.spring.SwitchboardAutoConfiguration")
@ConditionalOnClass(name = "org.springframework.boot.actuate.endpoint.annotation.Endpoint")
public class ServicePageAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnAvailableEndpoint(SwitchboardEndpoint.class)
    SwitchboardEndpoint switchboardEndpoint(ObjectProvider<ServedOperations> operations,
            ObjectProvider<ServedMessages> messages, ObjectProvider<ServedSpecification> documents,
            PolicyEngine policies, ObjectProvider<MeterRegistry> meters, Environment environment) {
        ServicePage page = new ServicePage(operations, messages, documents, policies, meters);
        // Boot aliases local.management.port to local.server.port when the actuator shares the application's server.
        return new SwitchboardEndpoint(page, () -> environment.getProperty("spring.application.name", "application"),
                () -> Objects.equals(environment.getProperty("local.management.port"), environment.getProperty("local.server.port"))
                        ? environment.getProperty("server.servlet.context-path", "") : null);
    }
}
