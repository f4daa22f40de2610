package dev.switchboard.spring.rest;

import dev.switchboard.rest.client.RestDownstream;
import dev.switchboard.runtime.ServiceKeys;
import dev.switchboard.runtime.security.DownstreamCredentials;
import dev.switchboard.spring.SwitchboardProperties;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.boot.http.client.HttpComponentsClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.JettyClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.autoconfigure.HttpClientProperties;
import org.springframework.boot.http.client.autoconfigure.HttpClientSettingsPropertyMapper;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.core.env.Environment;
import org.springframework.web.client.RestClient;

/**
 * Each downstream service's HTTP client, made the way Spring Boot makes the clients of its HTTP
 * service groups: Boot's {@link ClientHttpRequestFactoryBuilder} (the client Boot detects, or
 * {@code spring.http.clients.imperative.factory}, with every {@code ClientHttpRequestFactoryBuilderCustomizer}),
 * settings from {@code spring.http.serviceclient.<service>.*} (connect and read timeouts, redirects,
 * {@code ssl.bundle}, default headers) over {@code spring.http.clients.*}, and Boot's
 * {@code RestClient.Builder} with the application's {@code RestClientCustomizer}s. The service's key
 * is its name in kebab case, as under {@code switchboard.services}; where it answers stays
 * {@code switchboard.services.<service>.client.base-url}, which also decides whether the generated
 * REST client exists, and its pool is {@code client.max-connections}.
 */
final class RestDownstreams implements Function<String, RestDownstream>, DisposableBean {

    private final SwitchboardProperties switchboard;
    private final Map<String, HttpClientProperties> serviceClients;
    private final HttpClientSettingsPropertyMapper settings;
    private final ClientHttpRequestFactoryBuilder<?> requestFactories;
    private final Supplier<RestClient.Builder> restClients;
    private final DownstreamCredentials credentials;
    private final List<AutoCloseable> ownedClients = new CopyOnWriteArrayList<>();

    /**
     * @param defaults         Boot's {@code spring.http.clients.*} settings
     * @param requestFactories Boot's request factory builder
     * @param restClients      Boot's {@code RestClient.Builder} (a new one each time)
     * @param credentials      the bearer token each call to a service carries, if any
     */
    RestDownstreams(SwitchboardProperties switchboard, Environment environment, SslBundles sslBundles,
            HttpClientSettings defaults, ClientHttpRequestFactoryBuilder<?> requestFactories,
            Supplier<RestClient.Builder> restClients, DownstreamCredentials credentials) {
        this.credentials = credentials;
        this.switchboard = switchboard;
        // Bound as Boot binds them for its HTTP service groups (HttpServiceClientProperties).
        this.serviceClients = Binder.get(environment)
                .bind("spring.http.serviceclient", Bindable.mapOf(String.class, HttpClientProperties.class))
                .orElse(Map.of());
        this.settings = new HttpClientSettingsPropertyMapper(sslBundles, defaults);
        this.requestFactories = requestFactories;
        this.restClients = restClients;
    }

    @Override
    public RestDownstream apply(String service) {
        SwitchboardProperties.Service configured = switchboard.service(service);
        SwitchboardProperties.Client client =
                configured == null ? new SwitchboardProperties.Client() : configured.getClient();
        HttpClientProperties http = ServiceKeys.lookup(serviceClients, service);
        HttpClientSettings settings = this.settings.map(http);
        RestClient.Builder builder = restClients.get();
        if (http != null && !http.getDefaultHeader().isEmpty()) {
            builder.defaultHeaders(headers -> headers.putAll(http.getDefaultHeader()));
        }
        builder.requestInterceptor((request, body, execution) -> {
            // Each attempt asks again, on the caller's thread: a refreshed token, the current caller's.
            credentials.bearerToken(service).ifPresent(request.getHeaders()::setBearerAuth);
            return execution.execute(request, body);
        });
        ClientHttpRequestFactoryBuilder<?> requests =
                forSwitchboard(requestFactories, client.getMaxConnections(), ownedClients::add);
        return new RestDownstream(client.getBaseUrl(), client.isIdempotencyKeys(), builder, requests.build(settings),
                settings.readTimeout());
    }

    /** Stops the clients no factory stops: Jetty's, whose threads would outlive the application. */
    @Override
    public void destroy() throws Exception {
        for (AutoCloseable client : ownedClients) {
            client.close();
        }
    }

    /**
     * The builder with a pool of {@code connections} to the downstream, and no retries of the client's
     * own. Boot leaves Apache HttpClient at its default of 5 connections per route, which makes the
     * sixth concurrent call wait; the pool is set last, so it wins over a
     * {@code ClientHttpRequestFactoryBuilderCustomizer}'s for Switchboard's clients (and only for them).
     * Apache HttpClient also resends a request answered 503 or 429, whatever its method: the policy
     * engine is the one layer that retries, and only what is safe to. Matched by class name so that a
     * client's classes are touched only when that client is the one in use.
     */
    private static ClientHttpRequestFactoryBuilder<?> forSwitchboard(ClientHttpRequestFactoryBuilder<?> builder,
            int connections, Consumer<AutoCloseable> toStop) {
        return switch (builder.getClass().getName()) {
            case "org.springframework.boot.http.client.HttpComponentsClientHttpRequestFactoryBuilder" ->
                    Apache.forSwitchboard(builder, connections);
            case "org.springframework.boot.http.client.JettyClientHttpRequestFactoryBuilder" ->
                    Jetty.forSwitchboard(builder, connections, toStop);
            default -> builder;
        };
    }

    private static final class Apache {
        static ClientHttpRequestFactoryBuilder<?> forSwitchboard(ClientHttpRequestFactoryBuilder<?> builder,
                int connections) {
            return ((HttpComponentsClientHttpRequestFactoryBuilder) builder)
                    .withConnectionManagerCustomizer(pool ->
                            pool.setMaxConnPerRoute(connections).setMaxConnTotal(connections))
                    .withHttpClientCustomizer(client -> client.disableAutomaticRetries());
        }
    }

    private static final class Jetty {
        static ClientHttpRequestFactoryBuilder<?> forSwitchboard(ClientHttpRequestFactoryBuilder<?> builder,
                int connections, Consumer<AutoCloseable> toStop) {
            // Spring's factory stops only a Jetty client it made itself, not Boot's.
            return ((JettyClientHttpRequestFactoryBuilder) builder).withHttpClientCustomizer(client -> {
                client.setMaxConnectionsPerDestination(connections);
                toStop.accept(client::stop);
            });
        }
    }
}
