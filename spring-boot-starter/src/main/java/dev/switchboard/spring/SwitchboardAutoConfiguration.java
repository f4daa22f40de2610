package dev.switchboard.spring;

import dev.switchboard.runtime.idempotency.IdempotencyStore;
import dev.switchboard.runtime.idempotency.InMemoryIdempotencyStore;
import dev.switchboard.runtime.policy.PolicyEngine;
import dev.switchboard.spring.grpc.GrpcCallers;
import dev.switchboard.spring.grpc.GrpcServer;
import dev.switchboard.spring.grpc.client.DefaultGrpcCallers;
import dev.switchboard.spring.grpc.server.DefaultGrpcServer;
import dev.switchboard.spring.rest.RestServer;
import dev.switchboard.spring.rest.ServedSpecification;
import dev.switchboard.spring.rest.client.DefaultRestCallers;
import dev.switchboard.spring.rest.client.RestClientSettings;
import dev.switchboard.spring.rest.server.DefaultRestServer;
import dev.switchboard.spring.rest.server.RestErrorAdvice;
import dev.switchboard.spring.rest.server.SpecificationRoutes;
import dev.switchboard.spring.rest.server.TraceIds;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.tracing.Tracer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.grpc.client.GrpcChannelFactory;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.ServerResponse;
import tools.jackson.databind.json.JsonMapper;

/**
 * The shared pieces every generated adapter uses: the policy engine (contract values overridden
 * by {@code switchboard.*}), the idempotency store, the REST server and client support, the
 * problem+json error handling, and the exported documents served over HTTP.
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

    @Bean
    @ConditionalOnMissingBean
    IdempotencyStore switchboardIdempotencyStore() {
        return new InMemoryIdempotencyStore();
    }

    @Bean
    @ConditionalOnMissingBean
    DefaultRestCallers switchboardRestCallers(SwitchboardProperties properties, PolicyEngine policies,
            ObjectProvider<ObservationRegistry> observations, ObjectProvider<JsonMapper> json) {
        return new DefaultRestCallers(service -> {
            SwitchboardProperties.Service configured = properties.service(service);
            return configured == null
                    ? new RestClientSettings(null, true)
                    : new RestClientSettings(configured.getClient().getBaseUrl(), configured.getClient().isIdempotencyKeys());
        }, policies, observations.getIfAvailable(() -> ObservationRegistry.NOOP), jsonMapper(json));
    }

    private static JsonMapper jsonMapper(ObjectProvider<JsonMapper> json) {
        return json.getIfAvailable(() -> JsonMapper.builder().build());
    }

    /** gRPC through Spring gRPC: the server support generated services bind with, and channels for generated clients. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = {"io.grpc.BindableService", "org.springframework.grpc.client.GrpcChannelFactory"})
    static class GrpcConfiguration {

        @Bean
        @ConditionalOnMissingBean(GrpcServer.class)
        DefaultGrpcServer switchboardGrpcServer(PolicyEngine policies, ObjectProvider<ObservationRegistry> observations) {
            return new DefaultGrpcServer(policies, observations.getIfAvailable(() -> ObservationRegistry.NOOP));
        }

        /** Spring gRPC's channel factory is configured after this class, so it is looked up when the first channel is made. */
        @Bean
        @ConditionalOnMissingBean(GrpcCallers.class)
        DefaultGrpcCallers switchboardGrpcCallers(ObjectProvider<GrpcChannelFactory> channels,
                SwitchboardProperties properties, PolicyEngine policies, ObjectProvider<ObservationRegistry> observations) {
            return new DefaultGrpcCallers(channels::getObject, service -> {
                SwitchboardProperties.Service configured = properties.service(service);
                return configured == null ? null : configured.getClient().getAddress();
            }, policies, observations.getIfAvailable(() -> ObservationRegistry.NOOP));
        }
    }

    /** The server side, for servlet web applications. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    static class RestServerConfiguration {

        @Bean
        TraceIds switchboardTraceIds(ObjectProvider<Tracer> tracer) {
            return new TraceIds(tracer.getIfAvailable());
        }

        @Bean
        @ConditionalOnMissingBean
        RestServer switchboardRestServer(PolicyEngine policies, ObjectProvider<ObservationRegistry> observations,
                ObjectProvider<JsonMapper> json, IdempotencyStore idempotency, TraceIds traceIds) {
            return new DefaultRestServer(policies, observations.getIfAvailable(() -> ObservationRegistry.NOOP),
                    jsonMapper(json), idempotency, traceIds);
        }

        @Bean
        RestErrorAdvice switchboardRestErrorAdvice(ObjectProvider<JsonMapper> json, TraceIds traceIds) {
            return new RestErrorAdvice(jsonMapper(json), traceIds);
        }

        /** Generated configurations declare the documents; they run after this one, hence the provider. */
        @Bean
        RouterFunction<ServerResponse> switchboardSpecificationRoutes(ObjectProvider<ServedSpecification> specifications) {
            return SpecificationRoutes.of(specifications.orderedStream().toList());
        }
    }
}
