package dev.switchboard.rest.client;

import dev.switchboard.rest.RestCaller;
import dev.switchboard.rest.RestRequest;
import dev.switchboard.runtime.ErrorCode;
import dev.switchboard.runtime.ErrorDecoder;
import dev.switchboard.runtime.ServiceKeys;
import dev.switchboard.runtime.SwitchboardException;
import dev.switchboard.runtime.call.Deadline;
import dev.switchboard.runtime.observation.ClientObservations;
import dev.switchboard.runtime.pipeline.ClientPipeline;
import dev.switchboard.runtime.pipeline.StreamOutcome;
import dev.switchboard.runtime.policy.ClientFallback;
import dev.switchboard.runtime.policy.OperationDescriptor;
import dev.switchboard.runtime.resilience.AttemptContext;
import dev.switchboard.runtime.resilience.PolicyEngine;
import dev.switchboard.runtime.stream.StreamSource;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeoutException;
import org.springframework.http.MediaType;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import org.springframework.web.util.UriComponentsBuilder;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Calls one downstream service over HTTP/JSON through the {@link ClientPipeline} (observation, client
 * policy): per attempt, one HTTP exchange with the observation's trace headers, the remaining
 * deadline header, the idempotency key and a request timeout equal to the attempt's time, and an
 * error answer decoded back to the contract's exceptions.
 */
final class DefaultRestCaller implements RestCaller {

    static final String TIMEOUT_HEADER = "X-Switchboard-Timeout-Ms";
    static final String IDEMPOTENCY_KEY_HEADER = "Idempotency-Key";

    private final String service;
    private final RestDownstream downstream;
    private final RestClient http;
    private final ClientPipeline pipeline;
    private final JsonMapper json;
    private final ErrorDecoder errors;
    private final ProblemDecoder problems;

    DefaultRestCaller(String service, RestDownstream downstream, RestClient http, PolicyEngine policies,
            ClientObservations observations, JsonMapper json, ErrorDecoder errors) {
        this.service = service;
        this.downstream = downstream;
        this.http = http;
        this.pipeline = new ClientPipeline(policies, observations, "rest");
        this.json = json;
        this.errors = errors;
        this.problems = new ProblemDecoder(json);
    }

    @Override
    public <O> O call(OperationDescriptor operation, RestRequest request, Class<O> responseType, ClientFallback<O> fallback) {
        boolean keyed = !operation.idempotent() && downstream.idempotencyKeys();
        return pipeline.call(operation, keyed, headers -> {
            if (keyed) {
                headers.put(IDEMPOTENCY_KEY_HEADER, UUID.randomUUID().toString());
            }
            // Built once per call, not per attempt: retries resend the same bytes.
            URI uri = uri(request);
            byte[] body = request.body() == null ? null : json.writeValueAsBytes(request.body());
            return attempt -> exchange(operation, request, uri, body, headers, attempt, responseType);
        }, fallback);
    }

    private <O> O exchange(OperationDescriptor operation, RestRequest request, URI uri, byte[] body,
            Map<String, String> headers, AttemptContext attempt, Class<O> responseType) {
        Deadline deadline = attempt.deadline();
        try {
            return AttemptTimeoutRequestFactory.within(deadline.remaining(), () -> send(request, uri, headers, deadline, body)
                    .exchange((clientRequest, response) -> read(response, responseType)));
        } catch (IOException | RestClientException failure) {
            throw transportFailure(operation, uri, deadline, failure);
        }
    }

    private RestClient.RequestBodySpec send(RestRequest request, URI uri, Map<String, String> headers,
            Deadline deadline, byte[] body) {
        RestClient.RequestBodySpec spec = http.method(request.method()).uri(uri)
                .headers(outgoing -> {
                    headers.forEach(outgoing::set);
                    if (deadline != null) {
                        outgoing.set(TIMEOUT_HEADER, Long.toString(deadline.remainingMillis()));
                    }
                });
        if (body != null) {
            spec.contentType(MediaType.APPLICATION_JSON).body(body);
        }
        return spec;
    }

    private <O> O read(ClientHttpResponse response, Class<O> responseType) throws IOException {
        int status = response.getStatusCode().value();
        byte[] bytes = response.getBody().readAllBytes();
        if (status >= 200 && status < 300) {
            try {
                return json.readValue(bytes, responseType);
            } catch (JacksonException unreadable) {
                throw new SwitchboardException(ErrorCode.INTERNAL, ErrorCode.INTERNAL.name(),
                        service + " answered " + status + " with a body that is not a " + responseType.getSimpleName()
                                + ": " + unreadable.getOriginalMessage(), Map.of(), unreadable);
            }
        }
        throw problems.decode(status, response.getHeaders(), bytes, errors);
    }

    @Override
    public <O> StreamSource<O> stream(OperationDescriptor operation, RestRequest request, Class<O> responseType) {
        // Opened in the pipeline's one attempt (breaker, deadline); the events then flow until the
        // server completes, the deadline passes or the caller closes.
        return pipeline.open(operation, (headers, outcome) -> {
            URI uri = uri(request);
            return attempt -> {
                try {
                    Duration open = operation.policy().deadline() == null ? null : attempt.deadline().remaining();
                    return AttemptTimeoutRequestFactory.within(open, () -> http.get().uri(uri)
                            .headers(outgoing -> {
                                headers.forEach(outgoing::set);
                                outgoing.setAccept(List.of(MediaType.TEXT_EVENT_STREAM));
                                outgoing.set(TIMEOUT_HEADER, Long.toString(attempt.deadline().remainingMillis()));
                            })
                            .exchange((clientRequest, response) -> open(response, responseType, outcome), false));
                } catch (IOException | RestClientException failure) {
                    throw transportFailure(operation, uri, attempt.deadline(), failure);
                }
            };
        });
    }

    private <O> SseStreamSource<O> open(ClientHttpResponse response, Class<O> responseType, StreamOutcome outcome)
            throws IOException {
        int status = response.getStatusCode().value();
        if (status < 200 || status >= 300) {
            try (response) {
                throw problems.decode(status, response.getHeaders(), response.getBody().readAllBytes(), errors);
            }
        }
        return new SseStreamSource<>(response, json, responseType, problems, errors, outcome);
    }

    @Override
    public SwitchboardException unsupported(OperationDescriptor operation) {
        return new SwitchboardException(ErrorCode.UNIMPLEMENTED, ErrorCode.UNIMPLEMENTED.name(),
                operation.fullName() + " has no HTTP binding; call it over gRPC", Map.of());
    }

    private URI uri(RestRequest request) {
        if (downstream.baseUrl() == null) {
            throw new SwitchboardException(ErrorCode.UNAVAILABLE, ErrorCode.UNAVAILABLE.name(),
                    "no base URL configured for " + service + ": set switchboard.services."
                            + ServiceKeys.kebab(service) + ".client.base-url", Map.of());
        }
        Map<String, Object> variables = new LinkedHashMap<>(request.pathVariables());
        UriComponentsBuilder uri = UriComponentsBuilder.fromUri(downstream.baseUrl()).path(request.pathTemplate());
        int index = 0;
        for (Map.Entry<String, String> parameter : request.query()) {
            String variable = "__q" + index++;
            uri.queryParam(parameter.getKey(), "{" + variable + "}");
            variables.put(variable, parameter.getValue());
        }
        for (Map.Entry<String, Object> parameter : request.jsonQuery().entrySet()) {
            String variable = "__q" + index++;
            uri.queryParam(parameter.getKey(), "{" + variable + "}");
            variables.put(variable, json.writeValueAsString(parameter.getValue()));
        }
        return uri.encode().buildAndExpand(variables).toUri();
    }

    /**
     * Each HTTP client says "too late" in its own words: the JDK's, a socket's, Jetty's and Reactor
     * Netty's. A connection that could not be made in time is no answer too late but no server:
     * UNAVAILABLE, safe to retry whatever the operation.
     */
    private static boolean timedOut(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof HttpConnectTimeoutException
                    || cause.getClass().getSimpleName().equals("ConnectTimeoutException")) {
                return false;
            }
            if (cause instanceof HttpTimeoutException || cause instanceof SocketTimeoutException
                    || cause instanceof TimeoutException
                    || cause.getClass().getName().equals("io.netty.handler.timeout.ReadTimeoutException")) {
                return true;
            }
        }
        return false;
    }

    private SwitchboardException transportFailure(OperationDescriptor operation, URI uri, Deadline deadline, Exception failure) {
        Throwable cause = failure instanceof RestClientException && failure.getCause() != null ? failure.getCause() : failure;
        if (cause instanceof SwitchboardException known) {
            return known;
        }
        if (timedOut(failure) || (deadline != null && deadline.isExpired())) {
            return new SwitchboardException(ErrorCode.DEADLINE_EXCEEDED, ErrorCode.DEADLINE_EXCEEDED.name(),
                    operation.fullName() + " did not answer in time (" + uri.getHost() + ":" + uri.getPort() + ")",
                    Map.of(), failure);
        }
        if (cause instanceof InterruptedIOException) {
            Thread.currentThread().interrupt();
            return new SwitchboardException(ErrorCode.CANCELLED, ErrorCode.CANCELLED.name(),
                    operation.fullName() + " was interrupted", Map.of(), failure);
        }
        return new SwitchboardException(ErrorCode.UNAVAILABLE, ErrorCode.UNAVAILABLE.name(),
                "could not reach " + service + " at " + uri.getScheme() + "://" + uri.getAuthority() + ": "
                        + cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : " " + cause.getMessage()),
                Map.of(), failure);
    }
}
