package dev.switchboard.spring.rest;

import dev.switchboard.rest.RestServer;
import dev.switchboard.rest.client.DefaultRestCallers;
import dev.switchboard.rest.server.DefaultRestServer;
import dev.switchboard.rest.server.RestErrorAdvice;
import dev.switchboard.rest.server.TraceIds;
import dev.switchboard.runtime.idempotency.IdempotencyStore;
import dev.switchboard.runtime.observation.ClientObservations;
import dev.switchboard.runtime.observation.ServerObservations;
import dev.switchboard.runtime.resilience.PolicyEngine;
import dev.switchboard.runtime.security.CallerSource;
import dev.switchboard.runtime.security.DownstreamCredentials;
import dev.switchboard.spring.SwitchboardProperties;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.tracing.Tracer;
import org.apache.catalina.core.StandardHost;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.env.Environment;
import org.springframework.web.client.RestClient;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

/**
 * REST: the server support generated controllers delegate to (with problem+json for what Spring
 * MVC itself rejects), and the callers generated REST clients delegate to, on Spring Boot's HTTP clients.
 */
@AutoConfiguration(afterName = {"dev.switchboard.spring.SwitchboardAutoConfiguration",
        "org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration"})
public class SwitchboardRestAutoConfiguration {

    /** How each downstream service is reached, on HTTP clients made by Spring Boot. */
    @Bean
    @ConditionalOnMissingBean
    RestDownstreams switchboardRestDownstreams(SwitchboardProperties properties, Environment environment,
            ObjectProvider<SslBundles> sslBundles, ObjectProvider<HttpClientSettings> httpClientSettings,
            ObjectProvider<ClientHttpRequestFactoryBuilder<?>> requestFactories,
            ObjectProvider<RestClient.Builder> restClients, ObjectProvider<DownstreamCredentials> credentials) {
        return new RestDownstreams(properties, environment, sslBundles.getIfAvailable(),
                httpClientSettings.getIfAvailable(HttpClientSettings::defaults),
                requestFactories.getIfAvailable(ClientHttpRequestFactoryBuilder::detect),
                () -> restClients.getIfAvailable(RestClient::builder).clone(),
                credentials.getIfAvailable(() -> DownstreamCredentials.NONE));
    }

    /** The callers generated REST clients delegate to. */
    @Bean
    @ConditionalOnMissingBean
    DefaultRestCallers switchboardRestCallers(RestDownstreams downstreams, PolicyEngine policies,
            ObjectProvider<ClientObservations> observations, ObjectProvider<JsonMapper> json) {
        return new DefaultRestCallers(downstreams, policies,
                observations.getIfAvailable(() -> new ClientObservations(ObservationRegistry.NOOP)), jsonMapper(json));
    }

    private static JsonMapper jsonMapper(ObjectProvider<JsonMapper> json) {
        return json.getIfAvailable(() -> JsonMapper.builder().build());
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
        RestServer switchboardRestServer(PolicyEngine policies, ObjectProvider<ServerObservations> observations,
                ObjectProvider<JsonMapper> json, IdempotencyStore idempotency, TraceIds traceIds,
                ObjectProvider<CallerSource> callers) {
            return new DefaultRestServer(policies,
                    observations.getIfAvailable(() -> new ServerObservations(ObservationRegistry.NOOP)),
                    jsonMapper(json), idempotency, traceIds, callers.getIfAvailable(() -> CallerSource.ANONYMOUS));
        }

        @Bean
        RestErrorAdvice switchboardRestErrorAdvice(ObjectProvider<JsonMapper> json, TraceIds traceIds) {
            return new RestErrorAdvice(jsonMapper(json), traceIds);
        }
    }

    /** On Tomcat, what the container refuses before any route is answered as problem+json too. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    @ConditionalOnClass(name = {"org.apache.catalina.valves.ErrorReportValve",
            "org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory"})
    static class TomcatProblemConfiguration {

        @Bean
        WebServerFactoryCustomizer<TomcatServletWebServerFactory> switchboardProblemErrorReports() {
            return factory -> factory.addContextCustomizers(context -> {
                if (context.getParent() instanceof StandardHost host) {
                    host.setErrorReportValveClass(ProblemErrorReportValve.class.getName());
                }
            });
        }
    }
}
