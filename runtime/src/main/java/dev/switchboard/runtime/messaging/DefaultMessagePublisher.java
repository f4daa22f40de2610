package dev.switchboard.runtime.messaging;

import dev.switchboard.runtime.call.CallContext;
import dev.switchboard.runtime.observation.CallObservations;
import dev.switchboard.runtime.observation.MessageObservations;
import dev.switchboard.runtime.policy.OperationDescriptor;
import dev.switchboard.runtime.policy.PolicySettings;
import dev.switchboard.runtime.protobuf.ProtoCodec;
import dev.switchboard.runtime.resilience.PolicyEngine;
import dev.switchboard.runtime.resilience.PolicyOverrides;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import java.time.Instant;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import tools.jackson.databind.json.JsonMapper;

/**
 * Publishes over the configured {@link MessageTransport}: the payload as JSON or, when configured,
 * with its generated protobuf codec; CloudEvent attributes; trace headers; and the contract's
 * publishing policy (timeout, deadline, retries, overridable like an operation's), so a broker
 * outage fails the future with {@code UNAVAILABLE} or {@code DEADLINE_EXCEEDED}, never hangs it.
 */
public final class DefaultMessagePublisher implements MessagePublisher {

    static final String JSON = "application/json";
    static final String PROTOBUF = "application/protobuf";

    private final MessageTransport transport;
    private final JsonMapper json;
    private final MessageObservations observations;
    private final boolean protobuf;
    private final PolicyEngine policies;
    private final PublishAttempts attempts;
    /**
     * Each message's merged publishing policy, by descriptor identity: generated descriptors are constants, and a
     * record's own hash would walk every component of it on each publish. Copied on write (once per message).
     */
    private volatile Map<MessageDescriptor, PolicySettings> settings = new IdentityHashMap<>();

    /** A publisher with the contract's policies and the defaults, no configured overrides. */
    public DefaultMessagePublisher(MessageTransport transport, JsonMapper json, ObservationRegistry observations,
            boolean protobuf) {
        this(transport, json, observations, protobuf, new PolicyEngine(PolicyOverrides.none()));
    }

    /**
     * @param protobuf whether payloads are written with their protobuf codec instead of as JSON
     * @param policies merges each message's publishing policy with the configured overrides (by
     *                 service and message name, as for an operation) and the defaults
     */
    public DefaultMessagePublisher(MessageTransport transport, JsonMapper json, ObservationRegistry observations,
            boolean protobuf, PolicyEngine policies) {
        this(transport, json, new MessageObservations(observations), protobuf, policies);
    }

    /** A publisher whose messages in unsampled traces are metered without a span (see {@link MessageObservations}). */
    public DefaultMessagePublisher(MessageTransport transport, JsonMapper json, MessageObservations observations,
            boolean protobuf, PolicyEngine policies) {
        this.transport = transport;
        this.json = json;
        this.observations = observations;
        this.protobuf = protobuf;
        this.policies = policies;
        this.attempts = new PublishAttempts(transport);
    }

    @Override
    public CompletableFuture<Void> publish(MessageDescriptor descriptor, Object payload, String key) {
        Map<String, String> headers = new HashMap<>();
        Observation observation = observations.producer(descriptor.service(), descriptor.name(), transport.name(),
                headers);
        // No scope: the trace headers are written when the observation starts; nothing runs inside it.
        CompletableFuture<Void> confirmed;
        try {
            Message message = new Message(UUID.randomUUID().toString(), descriptor.type(), descriptor.service(), key,
                    Instant.now(), protobuf ? PROTOBUF : JSON, headers, protobuf ? encode(descriptor, payload)
                            : json.writeValueAsBytes(payload));
            confirmed = transport.confirmsByBroker()
                    ? attempts.publish(descriptor, message, settings(descriptor), CallContext.currentDeadline().orElse(null))
                    : attempts.publishOnce(descriptor, message);
        } catch (RuntimeException failure) {
            CallObservations.stop(observation, failure);
            return CompletableFuture.failedFuture(failure);
        }
        return confirmed.whenComplete((done, failure) -> CallObservations.stop(observation, failure));
    }

    private PolicySettings settings(MessageDescriptor descriptor) {
        PolicySettings known = settings.get(descriptor);
        if (known != null) {
            return known;
        }
        PolicySettings merged = policies.settings(
                OperationDescriptor.unary(descriptor.service(), descriptor.name(), descriptor.publishing()));
        synchronized (this) {
            Map<MessageDescriptor, PolicySettings> copy = new IdentityHashMap<>(settings);
            copy.put(descriptor, merged);
            settings = copy;
        }
        return merged;
    }

    @SuppressWarnings("unchecked")
    private static byte[] encode(MessageDescriptor descriptor, Object payload) {
        return ((ProtoCodec<Object>) descriptor.protobuf()).toByteArray(payload);
    }
}
