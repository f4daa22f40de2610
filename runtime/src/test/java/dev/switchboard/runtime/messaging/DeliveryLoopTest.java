package dev.switchboard.runtime.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

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
    void anOrderedMessageIsRetriedInPlaceAfterItsBackoffThenAcknowledged() {
        List<Integer> attempts = new ArrayList<>();
        DeliveryLoop<FakeDelivery> loop = new DeliveryLoop<>(new Subscription("orders.created",
                Subscription.Mode.PUBLISH_SUBSCRIBE, "points", (message, delivery) -> {
                    attempts.add(delivery.attempt());
                    if (delivery.attempt() < 3) {
                        throw failure(ErrorCode.UNAVAILABLE, "inventory is down");
                    }
                }, RETRY, "orders.created.dlq", 1, true), broker, () -> 0.5);

        loop.deliver(FakeDelivery.of(ORDER, 1));

        assertThat(attempts).containsExactly(1, 2, 3);
        assertThat(broker.settled).as("never handed back to the broker").containsExactly("acknowledge e-1");
    }

    @Test
    void anOrderedMessageThatKeepsFailingIsDeadLetteredInPlaceAfterItsLastAttempt() {
        DeliveryLoop<FakeDelivery> loop = new DeliveryLoop<>(new Subscription("orders.created",
                Subscription.Mode.PUBLISH_SUBSCRIBE, "points", (message, delivery) -> {
                    handled.add(delivery);
                    throw failure(ErrorCode.UNAVAILABLE, "inventory is down");
                }, RETRY, "orders.created.dlq", 1, true), broker, () -> 0.5);

        loop.deliver(FakeDelivery.of(ORDER, 1));

        assertThat(handled).extracting(MessageHandler.Delivery::attempt).containsExactly(1, 2, 3, 4);
        assertThat(broker.published).extracting(FakeBroker.Published::destination)
                .containsExactly("orders.created.dlq");
        assertThat(broker.settled).containsExactly("terminate e-1");
    }

    @Test
    void anOrderedDeadLetterThatIsNotConfirmedIsTriedAgainInPlaceUntilItIs() {
        broker.publishFailures = 3;
        DeliveryLoop<FakeDelivery> loop = new DeliveryLoop<>(new Subscription("orders.created",
                Subscription.Mode.PUBLISH_SUBSCRIBE, "points", (message, delivery) -> {
                    throw failure(ErrorCode.FAILED_PRECONDITION, "no stock");
                }, RETRY, "orders.created.dlq", 1, true), broker, () -> 0.5);

        loop.deliver(FakeDelivery.of(ORDER, 1));

        assertThat(broker.published).as("three refused, the fourth confirmed").hasSize(4);
        assertThat(broker.settled).as("never handed back to the broker").containsExactly("terminate e-1");
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
    void aMessageInFlightElsewhereIsRedeliveredLaterAsTheSameAttemptAndNeverAcknowledged() throws Exception {
        InMemoryProcessedMessages processed = new InMemoryProcessedMessages();
        DeliveryLoop<FakeDelivery> loop = loop(new IdempotentHandler("points", processed, (message, delivery) -> {
            throw new AssertionError("the handler must not run");
        }));

        processed.processOnce("points", "e-1", () -> loop.deliver(FakeDelivery.of(ORDER, 4)));

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
    // Batch subscriptions: the handler takes several messages; a failure is split down to its message.

    private final List<List<String>> batches = new ArrayList<>();

    private DeliveryLoop<FakeDelivery> batchLoop(BatchHandler handler) {
        return new DeliveryLoop<>(new Subscription("orders.created", Subscription.Mode.PUBLISH_SUBSCRIBE, "points",
                (BatchHandler) (messages, delivery) -> {
                    batches.add(messages.stream().map(Message::id).toList());
                    handled.add(delivery);
                    handler.handleAll(messages, delivery);
                }, RETRY, "orders.created.dlq", 1, false, new Subscription.Batch(100, Duration.ofMillis(50))),
                broker, () -> 0.5);
    }

    private static List<FakeDelivery> deliveries(int count, int attempt) {
        List<FakeDelivery> deliveries = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            deliveries.add(FakeDelivery.of(new Message("e-" + i, ORDER.type(), ORDER.source(), "o-" + i, ORDER.time(),
                    ORDER.contentType(), Map.of(), ORDER.payload()), attempt));
        }
        return deliveries;
    }

    @Test
    void aBatchIsHandledInOneCallAndEveryMessageAcknowledged() {
        List<FakeDelivery> deliveries = new ArrayList<>(deliveries(3, 1));
        deliveries.set(1, FakeDelivery.of(deliveries.get(1).message(), 2));

        batchLoop((messages, delivery) -> {}).deliverAll(deliveries);

        assertThat(batches).containsExactly(List.of("e-0", "e-1", "e-2"));
        assertThat(handled).containsExactly(new MessageHandler.Delivery(2, 4, "orders.created"));
        assertThat(broker.settled).containsExactly("acknowledge e-0", "acknowledge e-1", "acknowledge e-2");
    }

    @Test
    void aPoisonMessageIsFoundByHalvingTheBatchAndDeadLetteredAlone() {
        batchLoop((messages, delivery) -> {
            if (messages.stream().anyMatch(message -> message.id().equals("e-5"))) {
                throw failure(ErrorCode.INVALID_ARGUMENT, "quantity must be positive");
            }
        }).deliverAll(deliveries(8, 1));

        assertThat(batches).containsExactly(List.of("e-0", "e-1", "e-2", "e-3", "e-4", "e-5", "e-6", "e-7"),
                List.of("e-0", "e-1", "e-2", "e-3"), List.of("e-4", "e-5", "e-6", "e-7"), List.of("e-4", "e-5"),
                List.of("e-4"), List.of("e-5"), List.of("e-6", "e-7"));
        assertThat(broker.settled).containsExactly("acknowledge e-0", "acknowledge e-1", "acknowledge e-2",
                "acknowledge e-3", "acknowledge e-4", "terminate e-5", "acknowledge e-6", "acknowledge e-7");
        assertThat(broker.published).singleElement().satisfies(dead -> {
            assertThat(dead.destination()).isEqualTo("orders.created.dlq");
            assertThat(dead.message().id()).isEqualTo("e-5");
            assertThat(dead.message().headers()).containsEntry(DeadLetters.REASON, "SwitchboardException: quantity must be positive");
        });
    }

    @Test
    void aBatchThatFailsWithAttemptsLeftIsRetriedWholeNotSplit() {
        batchLoop((messages, delivery) -> {
            throw failure(ErrorCode.UNAVAILABLE, "the database is down");
        }).deliverAll(deliveries(3, 1));

        assertThat(batches).hasSize(1);
        assertThat(broker.settled).containsExactly("retry e-0 as attempt 2 after PT0.1S",
                "retry e-1 as attempt 2 after PT0.1S", "retry e-2 as attempt 2 after PT0.1S");
        assertThat(broker.published).isEmpty();
    }

    @Test
    void aBatchHoldingAMessageOnItsLastAttemptIsSplitSoOnlyThatOneIsDeadLettered() {
        List<FakeDelivery> deliveries = new ArrayList<>(deliveries(4, 2));
        deliveries.set(3, FakeDelivery.of(deliveries.get(3).message(), 4));

        batchLoop((messages, delivery) -> {
            if (messages.stream().anyMatch(message -> message.id().equals("e-3"))) {
                throw failure(ErrorCode.UNAVAILABLE, "timed out");
            }
        }).deliverAll(deliveries);

        assertThat(broker.settled).containsExactly("acknowledge e-0", "acknowledge e-1", "acknowledge e-2",
                "terminate e-3");
        assertThat(broker.published).extracting(published -> published.message().id()).containsExactly("e-3");
    }

    @Test
    void aDeliveryInABatchThatIsNoCloudEventIsDeadLetteredAndTheRestHandled() {
        List<FakeDelivery> deliveries = new ArrayList<>(deliveries(3, 1));
        deliveries.set(1, FakeDelivery.unreadable("seq-9", 1, "no ce-id header"));

        batchLoop((messages, delivery) -> {}).deliverAll(deliveries);

        assertThat(batches).containsExactly(List.of("e-0", "e-2"));
        assertThat(broker.settled).containsExactly("terminate seq-9", "acknowledge e-0", "acknowledge e-2");
    }

    @Test
    void aBatchSubscriptionNeedsABatchHandlerAndCannotBeOrdered() {
        Subscription.Batch batch = new Subscription.Batch(10, Duration.ofMillis(10));
        assertThatIllegalArgumentException().isThrownBy(() -> new Subscription(
                "orders.created", Subscription.Mode.PUBLISH_SUBSCRIBE, "points", (message, delivery) -> {}, RETRY,
                "orders.created.dlq", 1, false, batch)).withMessageContaining("needs a BatchHandler");
        assertThatIllegalArgumentException().isThrownBy(() -> new Subscription(
                "orders.created", Subscription.Mode.PUBLISH_SUBSCRIBE, "points", (BatchHandler) (messages, d) -> {},
                RETRY, "orders.created.dlq", 1, true, batch)).withMessageContaining("batched and ordered");
    }

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
        /** Publishes that fail before the broker confirms again. */
        int publishFailures;
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
            if (publishFailures > 0) {
                publishFailures--;
                return CompletableFuture.failedFuture(new IllegalStateException("no confirm"));
            }
            return publishFails ? CompletableFuture.failedFuture(new IllegalStateException("no confirm"))
                    : CompletableFuture.completedFuture(null);
        }
    }
}
