package dev.switchboard.rest.client;

import dev.switchboard.runtime.ErrorDecoder;
import dev.switchboard.runtime.resilience.PolicyEngine;
import dev.switchboard.rest.RestCaller;
import dev.switchboard.rest.RestCallers;
import io.micrometer.observation.ObservationRegistry;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * One {@link RestCaller} per downstream service, all on one JDK HTTP client (connection pooling,
 * HTTP/1.1 and h2c) and one RestClient whose requests take the timeout of the attempt that makes them.
 */
public final class DefaultRestCallers implements RestCallers, AutoCloseable {

    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);

    private final Function<String, RestClientSettings> settings;
    private final PolicyEngine policies;
    private final ObservationRegistry observations;
    private final JsonMapper json;
    private final ExecutorService executor;
    private final RestClient http;
    private final Map<String, RestCaller> callers = new ConcurrentHashMap<>();

    public DefaultRestCallers(Function<String, RestClientSettings> settings, PolicyEngine policies,
            ObservationRegistry observations, JsonMapper json) {
        this.settings = settings;
        this.policies = policies;
        this.observations = observations;
        this.json = json;
        this.executor = Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "switchboard-rest-client");
            thread.setDaemon(true);
            return thread;
        });
        HttpClient client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(CONNECT_TIMEOUT)
                .executor(executor)
                .build();
        this.http = RestClient.builder()
                .requestFactory(new AttemptTimeoutRequestFactory(client, executor))
                .build();
    }

    @Override
    public RestCaller forService(String service, ErrorDecoder errors) {
        return callers.computeIfAbsent(service, name -> new DefaultRestCaller(name, settings.apply(name), http,
                policies, observations, json, errors));
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
