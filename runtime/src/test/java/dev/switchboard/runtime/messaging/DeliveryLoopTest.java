package dev.switchboard.runtime.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.runtime.ErrorCode;
import dev.switchboard.runtime.SwitchboardException;
import dev.switchboard.runtime.policy.RetrySettings;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** Every branch of the one delivery loop, against a fake broker that records how each delivery was settled. */
class DeliveryLoopTest {

    /** Four attempts, waits of 100, 200, 400 ms (capped at 1 s), no jitter: each delay is exact. */
    private static final RetrySettings RETRY = new RetrySettings(4, Duration.ofMillis(100), Duration.ofSeconds(1), 0.0, 0.2);

    private static final Message ORDER = new Message("e-1", "com.example.orders.orderCreated", "Orders", "o-1",
            Instant.parse("2024-05-01T10:15:30Z"), "application/json", Map.of("traceparent", "00-abc-def-01"),
            "{\"orderId\":\"o-1\"}".getBytes(StandardCharsets.UTF_8));

    private final FakeBroker broker = new FakeBroker();
    private final List<MessageHandler.Delivery> handled = new ArrayList<>();

    private DeliveryLoop<FakeDelivery> loop(MessageHandler handler) {
        return new DeliveryLoop<>(new Subscription("orders.created", Subscription.Mode.PUBLISH_SUBSCRIBE, "points",
                (message, delivery) -> {
                    handled.add(delivery);
                    handler.handle(message, delivery);
                }, RETRY, "orders.created.dlq", 1), broker, () -> 0.5);
    }

    private static SwitchboardException failure(ErrorCode code, String message) {
        return new SwitchboardException(code, code.name(), message, Map.of());
    }

    @Test
    void aHandledMessageIsAcknowledgedWithItsDelivery() {
        List<Message> seen = new ArrayList<>();
        loop((message, delivery) -> seen.add(message)).deliver(FakeDelivery.of(ORDER, 1));

        assertThat(seen).containsExactly(ORDER);
        assertThat(handled).containsExactly(new MessageHandler.Delivery(1, 4, "orders.created"));
        assertThat(broker.settled).containsExactly("acknowledge e-1");
        assertThat(broker.published).isEmpty();
    }

    @Test
    void aRetryableFailureIsRetriedAfterTheBackoffOfItsAttempt() {
        DeliveryLoop<FakeDelivery> loop = loop((message, delivery) -> {
            throw failure(ErrorCode.UNAVAILABLE, "inventory is down");
        });
        for (int attempt = 1; attempt <= 3; attempt++) {
            loop.deliver(FakeDelivery.of(ORDER, attempt));
        }

        assertThat(broker.settled).containsExactly(
                "retry e-1 as attempt 2 after PT0.1S", "retry e-1 as attempt 3 after PT0.2S",
                "retry e-1 as attempt 4 after PT0.4S");
        assertThat(broker.published).isEmpty();
    }

    @Test
    void theJitterOfTheBackoffComesFromTheLoopsRandomSource() {
        RetrySettings jittery = new RetrySettings(4, Duration.ofMillis(100), Duration.ofSeconds(1), 0.5, 0.2);
        new DeliveryLoop<>(new Subscription("orders.created", Subscription.Mode.PUBLISH_SUBSCRIBE, "points",
                (message, delivery) -> {
                    throw failure(ErrorCode.RESOURCE_EXHAUSTED, "slow down");
                }, jittery, "orders.created.dlq", 1), broker, () -> 1.0).deliver(FakeDelivery.of(ORDER, 1));

        assertThat(broker.settled).containsExactly("retry e-1 as attempt 2 after PT0.15S");
    }

    @Test
    void theLastAttemptIsDeadLetteredWithWhyAfterHowManyAttemptsAndFromWhere() {
        loop((message, delivery) -> {
            throw failure(ErrorCode.UNAVAILABLE, "inventory is down");
        }).deliver(FakeDelivery.of(ORDER, 4));

        assertThat(broker.published).hasSize(1);
        FakeBroker.Published dead = broker.published.get(0);
        assertThat(dead.destination()).isEqualTo("orders.created.dlq");
        assertThat(dead.message().id()).isEqualTo("e-1");
        assertThat(dead.message().payload()).isEqualTo(ORDER.payload());
        assertThat(dead.message().headers())
                .containsEntry("traceparent", "00-abc-def-01")
                .containsEntry(DeadLetters.REASON, "SwitchboardException: inventory is down")
                .containsEntry(DeadLetters.CODE, "UNAVAILABLE")
                .containsEntry(DeadLetters.ATTEMPTS, "4")
                .containsEntry(DeadLetters.ORIGINAL_DESTINATION, "orders.created")
                .containsEntry(DeadLetters.ORIGINAL_GROUP, "points");
        assertThat(broker.settled).containsExactly("terminate e-1");
    }

    @Test
    void aNonRetryableFailureIsDeadLetteredAtOnce() {
        loop((message, delivery) -> {
            throw failure(ErrorCode.FAILED_PRECONDITION, "no stock for apple");
        }).deliver(FakeDelivery.of(ORDER, 1));

        assertThat(broker.published).singleElement().satisfies(dead -> assertThat(dead.message().headers())
                .containsEntry(DeadLetters.CODE, "FAILED_PRECONDITION")
                .containsEntry(DeadLetters.ATTEMPTS, "1")
                .containsEntry(DeadLetters.REASON, "SwitchboardException: no stock for apple"));
        assertThat(broker.settled).containsExactly("terminate e-1");
    }

    @Test
    void aFailureWithoutCodeIsUnknownAndNotRetried() {
        loop((message, delivery) -> {
            throw new IllegalStateException("bug");
        }).deliver(FakeDelivery.of(ORDER, 1));

        assertThat(broker.published).singleElement().satisfies(dead -> assertThat(dead.message().headers())
                .containsEntry(DeadLetters.CODE, "UNKNOWN")
                .containsEntry(DeadLetters.REASON, "IllegalStateException: bug"));
        assertThat(broker.settled).containsExactly("terminate e-1");
    }

    @Test
    void aHandlerThrowingAnErrorIsDeadLetteredAndTheLoopSurvives() {
        loop((message, delivery) -> {
            throw new StackOverflowError("recursed");
        }).deliver(FakeDelivery.of(ORDER, 1));

        assertThat(broker.published).singleElement().satisfies(dead -> assertThat(dead.message().headers())
                .containsEntry(DeadLetters.CODE, "UNKNOWN")
                .containsEntry(DeadLetters.REASON, "StackOverflowError: recursed"));
        assertThat(broker.settled).containsExactly("terminate e-1");
    }

    @Test
    void aDeliveryThatIsNotACloudEventIsDeadLetteredAtOnceWithWhatCouldBeSalvaged() {
        loop((message, delivery) -> {
            throw new AssertionError("the handler must not see it");
        }).deliver(FakeDelivery.unreadable("seq-7", 2, "not a CloudEvent: the required attribute ce_type is missing"));

        assertThat(handled).isEmpty();
        FakeBroker.Published dead = broker.published.get(0);
        assertThat(dead.message().id()).isEqualTo("seq-7");
        assertThat(dead.message().payload()).isEqualTo("garbage".getBytes(StandardCharsets.UTF_8));
        assertThat(dead.message().headers())
                .containsEntry(DeadLetters.CODE, "INVALID_ARGUMENT")
                .containsEntry(DeadLetters.ATTEMPTS, "2")
                .containsEntry(DeadLetters.ORIGINAL_DESTINATION, "orders.created")
                .containsEntry(DeadLetters.REASON, "SwitchboardException: not a CloudEvent: the required attribute ce_type is missing");
        assertThat(broker.settled).containsExactly("terminate seq-7");
    }

    @Test
    void aDeliveryThatCannotEvenBeSalvagedIsLeftForRedelivery() {
        broker.salvageFails = true;
        loop((message, delivery) -> {}).deliver(FakeDelivery.unreadable("seq-8", 1, "not a CloudEvent"));

        assertThat(broker.published).isEmpty();
        assertThat(broker.settled).containsExactly("redeliver seq-8 after PT0.1S");
    }

    @Test
    void whenTheDeadLetterPublishFailsTheDeliveryIsNotAcknowledgedButRedelivered() {
        broker.publishFails = true;
        loop((message, delivery) -> {
            throw failure(ErrorCode.INVALID_ARGUMENT, "bad order");
        }).deliver(FakeDelivery.of(ORDER, 2));

        assertThat(broker.published).hasSize(1);
        assertThat(broker.settled).containsExactly("redeliver e-1 after PT0.2S");
    }

    @Test
    void whenTheRetryCannotBeScheduledTheDeliveryIsNotAcknowledgedButRedelivered() {
        broker.retryFails = true;
        loop((message, delivery) -> {
            throw failure(ErrorCode.ABORTED, "conflict");
        }).deliver(FakeDelivery.of(ORDER, 1));

        assertThat(broker.settled).containsExactly("redeliver e-1 after PT0.1S");
    }

    @Test
    void aMessageInFlightElsewhereIsRedeliveredLaterAsTheSameAttemptAndNeverAcknowledged() {
        loop(new IdempotentHandler("points", (group, id, work) -> {
            throw new MessageInFlightException(group, id, null);
        }, (message, delivery) -> {
            throw new AssertionError("the handler must not run");
        })).deliver(FakeDelivery.of(ORDER, 4));

        assertThat(broker.settled).as("not the last attempt's dead letter: waiting spends no attempt")
                .containsExactly("redeliver e-1 after PT1S");
        assertThat(broker.published).isEmpty();
    }

    @Test
    void aFailedAcknowledgementIsLeftToTheBrokersRedeliveryAndTheLoopSurvives() {
        broker.acknowledgeFails = true;
        loop((message, delivery) -> {}).deliver(FakeDelivery.of(ORDER, 1));

        assertThat(handled).hasSize(1);
        assertThat(broker.settled).isEmpty();
        assertThat(broker.published).isEmpty();
    }

    /** One delivery of the fake broker: a message, or a body that is not a CloudEvent. */
    private record FakeDelivery(Message message, String brokerId, int attempt, String unreadable) {
        static FakeDelivery of(Message message, int attempt) {
            return new FakeDelivery(message, message.id(), attempt, null);
        }

        static FakeDelivery unreadable(String brokerId, int attempt, String why) {
            return new FakeDelivery(null, brokerId, attempt, why);
        }
    }

    /** Records how each delivery was settled and what was published; each hook can be made to fail. */
    private static final class FakeBroker implements DeliveryHooks<FakeDelivery> {
        record Published(String destination, Message message) {}

        final List<String> settled = new ArrayList<>();
        final List<Published> published = new ArrayList<>();
        boolean publishFails;
        boolean retryFails;
        boolean acknowledgeFails;
        boolean salvageFails;

        @Override
        public Message read(FakeDelivery received) {
            if (received.unreadable() != null) {
                throw new IllegalArgumentException(received.unreadable());
            }
            return received.message();
        }

        @Override
        public Message salvage(FakeDelivery received) {
            if (salvageFails) {
                throw new IllegalStateException("nothing to salvage");
            }
            return new Message(received.brokerId(), "unknown", "unknown", null, Instant.now(), "application/octet-stream",
                    Map.of(), "garbage".getBytes(StandardCharsets.UTF_8));
        }

        @Override
        public int attempt(FakeDelivery received) {
            return received.attempt();
        }

        @Override
        public void acknowledge(FakeDelivery received) {
            if (acknowledgeFails) {
                throw new IllegalStateException("connection closed");
            }
            settled.add("acknowledge " + received.brokerId());
        }

        @Override
        public void terminate(FakeDelivery received) {
            settled.add("terminate " + received.brokerId());
        }

        @Override
        public void retryLater(FakeDelivery received, Message message, int attempt, Duration delay) {
            if (retryFails) {
                throw new IllegalStateException("the retry queue refused it");
            }
            settled.add("retry " + message.id() + " as attempt " + (attempt + 1) + " after " + delay);
        }

        @Override
        public void redeliverLater(FakeDelivery received, Duration delay) {
            settled.add("redeliver " + received.brokerId() + " after " + delay);
        }

        @Override
        public CompletableFuture<Void> publish(String destination, Message message) {
            published.add(new Published(destination, message));
            return publishFails ? CompletableFuture.failedFuture(new IllegalStateException("no confirm"))
                    : CompletableFuture.completedFuture(null);
        }
    }
}
