package dev.switchboard.spring;

import dev.switchboard.runtime.ServedSpecification;
import dev.switchboard.runtime.idempotency.IdempotencyStore;
import dev.switchboard.runtime.idempotency.InMemoryIdempotencyStore;
import dev.switchboard.runtime.observation.ServerObservations;
import dev.switchboard.runtime.resilience.PolicyEngine;
import dev.switchboard.spring.observation.MetersOnlyObservations;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.GlobalObservationConvention;
import io.micrometer.observation.ObservationFilter;
import io.micrometer.observation.ObservationPredicate;
import io.micrometer.observation.ObservationRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * What every transport shares: the policy engine (contract values overridden by
 * {@code switchboard.*}), the idempotency store, and, in a servlet web application, the exported
 * documents served over HTTP. Each transport's own beans come from its starter.
 */
@AutoConfiguration(afterName = {
        "org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration",
        "org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration"})
@EnableConfigurationProperties(SwitchboardProperties.class)
public class SwitchboardAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    PolicyEngine switchboardPolicyEngine(SwitchboardProperties properties) {
        return new PolicyEngine(new PropertiesPolicyOverrides(properties));
    }

    /**
     * How servers observe calls: nested in the transport's own observation (no second span) when the
     * application meters; {@code switchboard.call} is the same timer either way.
     */
    @Bean
    @ConditionalOnMissingBean
    ServerObservations switchboardServerObservations(ObjectProvider<ObservationRegistry> observations,
            ObjectProvider<MeterRegistry> meters, ObjectProvider<ObservationPredicate> predicates,
            ObjectProvider<ObservationFilter> filters, ObjectProvider<GlobalObservationConvention<?>> conventions,
            Environment environment) {
        ObservationRegistry registry = observations.getIfAvailable(() -> ObservationRegistry.NOOP);
        MeterRegistry meterRegistry = meters.getIfAvailable();
        if (registry.isNoop() || meterRegistry == null) {
            return new ServerObservations(registry);
        }
        boolean longTaskTimers = environment.getProperty("management.observations.long-task-timer.enabled",
                Boolean.class, true);
        return new ServerObservations(registry, MetersOnlyObservations.registry(meterRegistry, longTaskTimers,
                predicates.orderedStream().toList(), filters.orderedStream().toList(),
                conventions.orderedStream().toList()));
    }

    /**
     * In memory by default (one instance); with {@code switchboard.rest.idempotency=jdbc} the JDBC
     * starter declares the shared store instead, whichever auto-configuration runs first.
     */
    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnProperty(name = "switchboard.rest.idempotency", havingValue = "memory", matchIfMissing = true)
    IdempotencyStore switchboardIdempotencyStore() {
        return new InMemoryIdempotencyStore();
    }

    /** A setting that would otherwise fall back to memory in silence, losing what it was chosen for. */
    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnProperty(name = "switchboard.rest.idempotency", havingValue = "jdbc")
    @ConditionalOnMissingClass("dev.switchboard.jdbc.idempotency.JdbcIdempotencyStore")
    IdempotencyStore switchboardJdbcIdempotencyStoreMissing() {
        throw new IllegalStateException("switchboard.rest.idempotency=jdbc needs the JDBC stores: add "
                + "dev.switchboard:switchboard-spring-boot-starter-jdbc to the application's dependencies");
    }

    /** {@code /openapi.yaml}, {@code /asyncapi.yaml}: served wherever a servlet web server runs (actuator's, or REST's). */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(RouterFunction.class)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    static class SpecificationConfiguration {

        /** Generated configurations declare the documents; they run after this one, hence the provider. */
        @Bean
        RouterFunction<ServerResponse> switchboardSpecificationRoutes(ObjectProvider<ServedSpecification> specifications) {
            return SpecificationRoutes.of(specifications.orderedStream().toList());
        }
    }
}
