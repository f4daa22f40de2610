package dev.switchboard.runtime.messaging;

import com.google.protobuf.InvalidProtocolBufferException;
import dev.switchboard.runtime.ErrorCode;
import dev.switchboard.runtime.SwitchboardException;
import dev.switchboard.runtime.messaging.IdempotentHandler;
import dev.switchboard.runtime.messaging.Message;
import dev.switchboard.runtime.messaging.MessageDescriptor;
import dev.switchboard.runtime.messaging.MessageHandler;
import dev.switchboard.runtime.messaging.MessageTransport;
import dev.switchboard.runtime.messaging.ProcessedMessages;
import dev.switchboard.runtime.messaging.Subscription;
import dev.switchboard.runtime.observation.CallObservations;
import dev.switchboard.runtime.observation.MessageObservations;
import dev.switchboard.runtime.policy.PolicyDefaults;
import dev.switchboard.runtime.validation.ConstraintCheck;
import dev.switchboard.runtime.validation.Validatable;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;

/**
 * Subscribes generated handlers: observation (continuing the trace from the message headers),
 * then the idempotency check by CloudEvent id, then reading the payload by its content type (JSON,
 * or protobuf with the generated codec) and validating it (a payload that cannot be read is
 * INVALID_ARGUMENT, so it is dead-lettered at once), then the handler.
 *
 * <p>This chain is the subscription's handler; it works on a read {@link Message} and knows the
 * generated payload type and contract names, which no broker does. Everything before it (reading
 * the CloudEvent off the broker) and after it (acknowledging, retrying, dead-lettering) is the
 * {@link DeliveryLoop}'s, the same for every subscription, generated or not.
 */
public final class DefaultMessageListeners implements MessageListeners {

    /** The span attribute of a batch observation saying how many messages it handled (OpenTelemetry's name). */
    static final String BATCH_SIZE = "messaging.batch.message_count";

    private final MessageTransport transport;
    private final Supplier<String> group;
    private final int concurrency;
    private final ProcessedMessages processed;
    private final JsonMapper json;
    private final MessageObservations observations;

    /** Listeners observing every message in full on {@code observations}. */
    public DefaultMessageListeners(MessageTransport transport, Supplier<String> group, int concurrency,
            ProcessedMessages processed, JsonMapper json, ObservationRegistry observations) {
        this(transport, group, concurrency, processed, json, new MessageObservations(observations));
    }

    /**
     * @param group the consuming service's group, asked for when the first listener starts (a
     *              publisher-only service needs none)
     */
    public DefaultMessageListeners(MessageTransport transport, Supplier<String> group, int concurrency,
            ProcessedMessages processed, JsonMapper json, MessageObservations observations) {
        this.transport = transport;
        this.group = group;
        this.concurrency = concurrency;
        this.processed = processed;
        this.json = json;
        this.observations = observations;
    }

    @Override
    public <T> AutoCloseable listen(MessageDescriptor message, Class<T> payloadType, Consumer<T> handler) {
        String consumer = group.get();
        ObjectReader reader = json.readerFor(payloadType);
        MessageHandler decoding = (received, delivery) -> handler.accept(read(message, received, payloadType, reader));
        MessageHandler observed = observed(message, new IdempotentHandler(consumer, processed, decoding));
        return transport.subscribe(new Subscription(message.destination(), message.mode(), consumer, observed,
                PolicyDefaults.RETRY.overriddenBy(message.retry()), message.deadLetter(), concurrency,
                message.ordered()));
    }

    @Override
    public <T> AutoCloseable listenAll(MessageDescriptor message, Class<T> payloadType, Consumer<List<T>> handler) {
        if (message.batch() == null) {
            throw new IllegalArgumentException(message.name() + " declares no batch: listen to it one at a time");
        }
        String consumer = group.get();
        ObjectReader reader = json.readerFor(payloadType);
        BatchHandler decoding = (received, delivery) -> handler.accept(
                received.stream().map(one -> read(message, one, payloadType, reader)).toList());
        BatchHandler observed = observedAll(message, new IdempotentBatchHandler(consumer, processed, decoding));
        return transport.subscribe(new Subscription(message.destination(), message.mode(), consumer, observed,
                PolicyDefaults.RETRY.overriddenBy(message.retry()), message.deadLetter(), concurrency, false,
                message.batch()));
    }

    /**
     * One observation per batch. It starts a trace of its own: one span cannot continue the traces of
     * the many publishers whose messages it handles.
     */
    private BatchHandler observedAll(MessageDescriptor descriptor, BatchHandler next) {
        return (messages, delivery) -> {
            try (MessageObservations.Consuming consuming = observations.consumer(descriptor.service(), descriptor.name(),
                    transport.name(), name -> null)) {
                Observation observation = consuming.observation();
                observation.highCardinalityKeyValue(BATCH_SIZE, String.valueOf(messages.size()));
                if (delivery.attempt() > 1) {
                    observation.event(CallObservations.RETRY);
                }
                try {
                    next.handleAll(messages, delivery);
                } catch (Exception | Error failure) {
                    CallObservations.stop(observation, failure);
                    throw failure;
                }
                CallObservations.stop(observation, null);
            }
        };
    }

    private MessageHandler observed(MessageDescriptor descriptor, MessageHandler next) {
        return (message, delivery) -> {
            // Stopped inside its scope (see CallObservations#stop).
            try (MessageObservations.Consuming consuming = observations.consumer(descriptor.service(), descriptor.name(),
                    transport.name(), name -> message.headers().get(name))) {
                Observation observation = consuming.observation();
                if (delivery.attempt() > 1) {
                    observation.event(CallObservations.RETRY);
                }
                try {
                    next.handle(message, delivery);
                } catch (Exception | Error failure) {
                    if (!DeadLetters.shouldRetry(failure, delivery.attempt(), delivery.maxAttempts())) {
                        observation.event(CallObservations.DEAD_LETTER);
                    }
                    CallObservations.stop(observation, failure);
                    throw failure;
                }
                CallObservations.stop(observation, null);
            }
        };
    }

    /** Payloads are read by their declared media type, so JSON and protobuf publishers can share a destination. */
    private static boolean isProtobuf(String contentType) {
        return contentType.startsWith("application/protobuf") || contentType.startsWith("application/x-protobuf");
    }

    /** @param reader JSON's reader of {@code payloadType}, built once per listener: it keeps the type's deserializer */
    private static <T> T read(MessageDescriptor descriptor, Message message, Class<T> payloadType, ObjectReader reader) {
        T payload;
        try {
            payload = isProtobuf(message.contentType())
                    ? payloadType.cast(descriptor.protobuf().parseFrom(message.payload()))
                    : reader.<T>readValue(message.payload());
        } catch (InvalidProtocolBufferException unreadable) {
            throw new SwitchboardException(ErrorCode.INVALID_ARGUMENT, ErrorCode.INVALID_ARGUMENT.name(),
                    "the protobuf payload of " + descriptor.name() + " " + message.id() + " is not a "
                            + payloadType.getSimpleName() + ": " + unreadable.getMessage(), Map.of(), unreadable);
        } catch (JacksonException unreadable) {
            throw new SwitchboardException(ErrorCode.INVALID_ARGUMENT, ErrorCode.INVALID_ARGUMENT.name(),
                    "the payload of " + descriptor.name() + " " + message.id() + " is not a "
                            + payloadType.getSimpleName() + ": " + unreadable.getOriginalMessage(), Map.of(), unreadable);
        }
        if (payload == null) {
            throw new SwitchboardException(ErrorCode.INVALID_ARGUMENT, ErrorCode.INVALID_ARGUMENT.name(),
                    "the payload of " + descriptor.name() + " " + message.id() + " is empty", Map.of());
        }
        if (payload instanceof Validatable validatable) {
            ConstraintCheck.requireValid(validatable);
        }
        return payload;
    }
}
