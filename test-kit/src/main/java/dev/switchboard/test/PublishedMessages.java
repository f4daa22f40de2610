package dev.switchboard.test;

import dev.switchboard.runtime.messaging.EmbeddedBroker;
import dev.switchboard.runtime.messaging.Message;
import dev.switchboard.runtime.messaging.MessageDescriptor;
import dev.switchboard.runtime.messaging.MessageTransport;
import dev.switchboard.runtime.messaging.Subscription;
import dev.switchboard.runtime.policy.RetrySettings;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the code under test published on a broker, recorded beside its consumers: the recorder subscribes as a group
 * of its own, so every consumer still gets every event, and a command's one consumer still gets it.
 *
 * <pre>{@code
 * try (PublishedMessages published = PublishedMessages.on(EmbeddedBroker.shared(), OrdersMessages.ORDER_CREATED)) {
 *     orders.placeOrder(...);
 *     Order order = published.await(OrdersMessages.ORDER_CREATED, Order.class, 1, Duration.ofSeconds(5)).get(0);
 * }
 * }</pre>
 */
public final class PublishedMessages implements AutoCloseable {

    private static final String GROUP = "switchboard-test-recorder";

    private final JsonMapper json = JsonMapper.builder().build();
    private final Map<String, List<Message>> recorded = new ConcurrentHashMap<>();
    private final List<AutoCloseable> subscriptions = new ArrayList<>();

    private PublishedMessages() {}

    /** Records {@code messages} published on {@code broker} from now on; the embedded broker by default in tests. */
    public static PublishedMessages on(MessageTransport broker, MessageDescriptor... messages) {
        PublishedMessages recorder = new PublishedMessages();
        for (MessageDescriptor message : messages) {
            List<Message> received = recorder.recorded.computeIfAbsent(message.name(), name -> new CopyOnWriteArrayList<>());
            recorder.subscriptions.add(broker.subscribe(new Subscription(message.destination(),
                    Subscription.Mode.PUBLISH_SUBSCRIBE, GROUP, (delivered, delivery) -> received.add(delivered),
                    RetrySettings.NONE.withAttempts(1).withBackoff(Duration.ofMillis(10)).withMaxBackoff(Duration.ofMillis(10))
                            .withJitter(0.0).withBudget(0.0),
                    message.deadLetter(), 1)));
        }
        return recorder;
    }

    /** On the broker every application in this JVM shares unless configured otherwise. */
    public static PublishedMessages onEmbeddedBroker(MessageDescriptor... messages) {
        return on(EmbeddedBroker.shared(), messages);
    }

    /** The messages of {@code message} recorded so far, as the broker carried them (headers, CloudEvents fields). */
    public List<Message> messages(MessageDescriptor message) {
        return List.copyOf(recorded.getOrDefault(message.name(), List.of()));
    }

    /**
     * Waits until at least {@code count} of {@code message} were published, then returns every one recorded,
     * decoded as {@code type}; fails with what was recorded when they do not come in time.
     */
    public <T> List<T> await(MessageDescriptor message, Class<T> type, int count, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (messages(message).size() < count) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("expected " + count + " " + message.name() + " published on "
                        + message.destination() + " within " + timeout + ", got " + messages(message).size()
                        + ": " + messages(message));
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for " + message.name(), e);
            }
        }
        return messages(message).stream().map(received -> decode(message, received, type)).toList();
    }

    private <T> T decode(MessageDescriptor descriptor, Message message, Class<T> type) {
        try {
            if (message.contentType().contains("protobuf")) {
                return type.cast(descriptor.protobuf().parseFrom(message.payload()));
            }
            return json.readValue(message.payload(), type);
        } catch (Exception e) {
            throw new AssertionError("cannot read " + message + " as " + type.getSimpleName(), e);
        }
    }

    @Override
    public void close() {
        for (AutoCloseable subscription : subscriptions) {
            try {
                subscription.close();
            } catch (Exception e) {
                throw new IllegalStateException("could not stop recording", e);
            }
        }
    }
}
