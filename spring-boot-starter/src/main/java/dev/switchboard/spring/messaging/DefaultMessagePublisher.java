package dev.switchboard.spring.messaging;

import dev.switchboard.runtime.messaging.Message;
import dev.switchboard.runtime.messaging.MessageDescriptor;
import dev.switchboard.runtime.messaging.MessageTransport;
import dev.switchboard.runtime.observation.CallObservations;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.databind.json.JsonMapper;

/** Publishes over the configured {@link MessageTransport}: JSON payload, CloudEvent attributes, trace headers. */
public final class DefaultMessagePublisher implements MessagePublisher {

    static final String JSON = "application/json";

    private final MessageTransport transport;
    private final JsonMapper json;
    private final ObservationRegistry observations;
    private final Set<String> declared = ConcurrentHashMap.newKeySet();

    public DefaultMessagePublisher(MessageTransport transport, JsonMapper json, ObservationRegistry observations) {
        this.transport = transport;
        this.json = json;
        this.observations = observations;
    }

    @Override
    public CompletableFuture<Void> publish(MessageDescriptor descriptor, Object payload, String key) {
        if (declared.add(descriptor.destination())) {
            transport.declare(descriptor.destination(), descriptor.mode());
        }
        Map<String, String> headers = new HashMap<>();
        Observation observation = CallObservations.producer(observations, descriptor.service(), descriptor.name(),
                transport.name(), headers);
        CompletableFuture<Void> confirmed;
        try (Observation.Scope scope = observation.openScope()) {
            Message message = new Message(UUID.randomUUID().toString(), descriptor.type(), descriptor.service(), key,
                    Instant.now(), JSON, headers, json.writeValueAsBytes(payload));
            confirmed = transport.publish(descriptor.destination(), message);
        } catch (RuntimeException failure) {
            CallObservations.stop(observation, failure);
            return CompletableFuture.failedFuture(failure);
        }
        return confirmed.whenComplete((done, failure) -> CallObservations.stop(observation, failure));
    }
}
