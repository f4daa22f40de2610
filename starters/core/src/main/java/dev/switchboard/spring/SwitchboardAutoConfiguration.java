package dev.switchboard.spring;

import dev.switchboard.runtime.ServedSpecification;
import dev.switchboard.runtime.idempotency.IdempotencyStore;
import dev.switchboard.runtime.idempotency.InMemoryIdempotencyStore;
import dev.switchboard.runtime.observation.ClientObservations;
import dev.switchboard.runtime.observation.MessageObservations;
import dev.switchboard.runtime.observation.ServerObservations;
import dev.switchboard.runtime.observation.UnsampledTraces;
import dev.switchboard.runtime.resilience.PolicyEngine;
import dev.switchboard.spring.observation.MetersOnlyObservations;
import dev.switchboard.spring.observation.OpenTelemetryUnsampledTraces;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.GlobalObservationConvention;
import io.micrometer.observation.ObservationFilter;
import io.micrometer.observation.ObservationPredicate;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.tracing.Tracer;
import io.opentelemetry.context.propagation.ContextPropagators;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
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
        "org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration",
        "org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.OpenTelemetryTracingAutoConfiguration"})
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
        ObservationRegistry metersOnly = metersOnly(registry, meters, predicates, filters, conventions, environment);
        return metersOnly == null ? new ServerObservations(registry) : new ServerObservations(registry, metersOnly);
    }

    /**
     * How publishers and consumers observe messages: a message in an unsampled trace is metered, its trace carried
     * on without a span, when the application meters and traces with OpenTelemetry; every other one in full.
     */
    @Bean
    @ConditionalOnMissingBean
    MessageObservations switchboardMessageObservations(ObjectProvider<ObservationRegistry> observations,
            ObjectProvider<MeterRegistry> meters, ObjectProvider<ObservationPredicate> predicates,
            ObjectProvider<ObservationFilter> filters, ObjectProvider<GlobalObservationConvention<?>> conventions,
            ObjectProvider<UnsampledTraces> unsampled, Environment environment) {
        return unsampledAware(observations, meters, predicates, filters, conventions, unsampled, environment,
                MessageObservations::new);
    }

    /**
     * How generated clients observe their calls: a call in an unsampled trace is metered and writes that trace into
     * its headers without a span, as a publish does; every other one in full.
     */
    @Bean
    @ConditionalOnMissingBean
    ClientObservations switchboardClientObservations(ObjectProvider<ObservationRegistry> observations,
            ObjectProvider<MeterRegistry> meters, ObjectProvider<ObservationPredicate> predicates,
            ObjectProvider<ObservationFilter> filters, ObjectProvider<GlobalObservationConvention<?>> conventions,
            ObjectProvider<UnsampledTraces> unsampled, Environment environment) {
        return unsampledAware(observations, meters, predicates, filters, conventions, unsampled, environment,
                ClientObservations::new);
    }

    /** What message and client observations are made of: the registry, a meters-only one, and the tracer's word. */
    @FunctionalInterface
    private interface UnsampledAware<T> {

        T create(ObservationRegistry registry, ObservationRegistry metersOnly, UnsampledTraces unsampled);
    }

    /** Metered only in unsampled traces when the application meters and the tracer can tell; in full otherwise. */
    private static <T> T unsampledAware(ObjectProvider<ObservationRegistry> observations,
            ObjectProvider<MeterRegistry> meters, ObjectProvider<ObservationPredicate> predicates,
            ObjectProvider<ObservationFilter> filters, ObjectProvider<GlobalObservationConvention<?>> conventions,
            ObjectProvider<UnsampledTraces> unsampled, Environment environment, UnsampledAware<T> observing) {
        ObservationRegistry registry = observations.getIfAvailable(() -> ObservationRegistry.NOOP);
        ObservationRegistry metersOnly = metersOnly(registry, meters, predicates, filters, conventions, environment);
        return observing.create(registry, metersOnly, metersOnly == null ? null : unsampled.getIfAvailable());
    }

    /** A registry that meters as the application's does, or null when the application does not meter observations. */
    private static ObservationRegistry metersOnly(ObservationRegistry registry, ObjectProvider<MeterRegistry> meters,
            ObjectProvider<ObservationPredicate> predicates, ObjectProvider<ObservationFilter> filters,
            ObjectProvider<GlobalObservationConvention<?>> conventions, Environment environment) {
        MeterRegistry meterRegistry = meters.getIfAvailable();
        if (registry.isNoop() || meterRegistry == null) {
            return null;
        }
        boolean longTaskTimers = environment.getProperty("management.observations.long-task-timer.enabled",
                Boolean.class, true);
        return MetersOnlyObservations.registry(meterRegistry, longTaskTimers, predicates.orderedStream().toList(),
                filters.orderedStream().toList(), conventions.orderedStream().toList());
    }

    /** Unsampled traces, where the application traces with OpenTelemetry through Micrometer. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass({ ContextPropagators.class, Tracer.class })
    static class UnsampledTracesConfiguration {

        @Bean
        @ConditionalOnMissingBean
        @ConditionalOnBean({ ContextPropagators.class, Tracer.class })
        UnsampledTraces switchboardUnsampledTraces(ContextPropagators propagators) {
            return new OpenTelemetryUnsampledTraces(propagators);
        }
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
