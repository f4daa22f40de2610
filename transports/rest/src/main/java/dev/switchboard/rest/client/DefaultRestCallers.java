package dev.switchboard.rest.client;

import dev.switchboard.rest.RestCaller;
import dev.switchboard.rest.RestCallers;
import dev.switchboard.runtime.ErrorDecoder;
import dev.switchboard.runtime.observation.ClientObservations;
import dev.switchboard.runtime.resilience.PolicyEngine;
import io.micrometer.observation.ObservationRegistry;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * One {@link RestCaller} per downstream service, each on its own {@link RestClient} whose requests
 * take the timeout of the attempt that makes them.
 */
public final class DefaultRestCallers implements RestCallers, AutoCloseable {

    private final Function<String, RestDownstream> downstreams;
    private final PolicyEngine policies;
    private final ClientObservations observations;
    private final JsonMapper json;
    private final Map<String, RestCaller> callers = new ConcurrentHashMap<>();
    private final Map<String, AttemptTimeoutRequestFactory> requestFactories = new ConcurrentHashMap<>();

    /** @param downstreams service name (the contract's) → how to reach it, asked once per service */
    public DefaultRestCallers(Function<String, RestDownstream> downstreams, PolicyEngine policies,
            ObservationRegistry observations, JsonMapper json) {
        this(downstreams, policies, new ClientObservations(observations), json);
    }

    /** @param observations how calls are observed (metered only in unsampled traces, see {@link ClientObservations}) */
    public DefaultRestCallers(Function<String, RestDownstream> downstreams, PolicyEngine policies,
            ClientObservations observations, JsonMapper json) {
        this.downstreams = downstreams;
        this.policies = policies;
        this.observations = observations;
        this.json = json;
    }

    @Override
    public RestCaller forService(String service, ErrorDecoder errors) {
        return callers.computeIfAbsent(service, name -> {
            RestDownstream downstream = downstreams.apply(name);
            AttemptTimeoutRequestFactory requests = AttemptTimeoutRequestFactory.wrap(downstream.requests(),
                    downstream.readTimeout());
            requestFactories.put(name, requests);
            RestClient http = downstream.http().clone()
                    .requestFactory(requests)
                    .observationRegistry(ObservationRegistry.NOOP)
                    .build();
            return new DefaultRestCaller(name, downstream, http, policies, observations, json, errors);
        });
    }

    /** Releases the HTTP clients whose factories own them. */
    @Override
    public void close() throws Exception {
        for (AttemptTimeoutRequestFactory requests : requestFactories.values()) {
            requests.close();
        }
    }
}
