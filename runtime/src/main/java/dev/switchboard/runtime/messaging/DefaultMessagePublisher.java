package dev.switchboard.runtime.messaging;

import dev.switchboard.runtime.messaging.Message;
import dev.switchboard.runtime.messaging.MessageDescriptor;
import dev.switchboard.runtime.messaging.MessageTransport;
import dev.switchboard.runtime.observation.CallObservations;
import dev.switchboard.runtime.protobuf.ProtoCodec;
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

/**
 * Publishes over the configured {@link MessageTransport}: the payload as JSON or, when configured,
 * with its generated protobuf codec; CloudEvent attributes; trace headers.
 */
public final class DefaultMessagePublisher implements MessagePublisher {

    static final String JSON = "application/json";
    static final String PROTOBUF = "application/protobuf";

    private final MessageTransport transport;
    private final JsonMapper json;
    private final ObservationRegistry observations;
    private final boolean protobuf;
    private final Set<String> declared = ConcurrentHashMap.newKeySet();

    /** @param protobuf whether payloads are written with their protobuf codec instead of as JSON */
    public DefaultMessagePublisher(MessageTransport transport, JsonMapper json, ObservationRegistry observations,
            boolean protobuf) {
        this.transport = transport;
        this.json = json;
        this.observations = observations;
        this.protobuf = protobuf;
    }

    @Override
    public CompletableFuture<Void> publish(MessageDescriptor descriptor, Object payload, String key) {
        if (declared.add(descriptor.destination())) {
            transport.declare(descriptor.destination(), descriptor.mode(), descriptor.ordered());
        }
        Map<String, String> headers = new HashMap<>();
        Observation observation = CallObservations.producer(observations, descriptor.service(), descriptor.name(),
                transport.name(), headers);
        // No scope: the trace headers are written when the observation starts; nothing runs inside it.
        CompletableFuture<Void> confirmed;
        try {
            Message message = new Message(UUID.randomUUID().toString(), descriptor.type(), descriptor.service(), key,
                    Instant.now(), protobuf ? PROTOBUF : JSON, headers, protobuf ? encode(descriptor, payload)
                            : json.writeValueAsBytes(payload));
            confirmed = transport.publish(descriptor.destination(), message);
        } catch (RuntimeException failure) {
            CallObservations.stop(observation, failure);
            return CompletableFuture.failedFuture(failure);
        }
        return confirmed.whenComplete((done, failure) -> CallObservations.stop(observation, failure));
    }

    @SuppressWarnings("unchecked")
    private static byte[] encode(MessageDescriptor descriptor, Object payload) {
        return ((ProtoCodec<Object>) descriptor.protobuf()).toByteArray(payload);
    }
}
