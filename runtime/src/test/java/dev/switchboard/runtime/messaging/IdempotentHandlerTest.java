package dev.switchboard.runtime.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class IdempotentHandlerTest {

    private static final MessageHandler.Delivery FIRST = new MessageHandler.Delivery(1, 3, "orders.created");

    private static Message message(String id) {
        return new Message(id, "com.example.orders.orderCreated", "Orders", null, Instant.EPOCH, "application/json",
                Map.of(), new byte[0]);
    }

    @Test
    void aDuplicateIsAcknowledgedWithoutCallingTheHandlerAgain() throws Exception {
        List<String> handled = new ArrayList<>();
        InMemoryProcessedMessages processed = new InMemoryProcessedMessages();
        MessageHandler points = new IdempotentHandler("Points", processed, (m, d) -> handled.add(m.id()));
        MessageHandler audit = new IdempotentHandler("Audit", processed, (m, d) -> handled.add("audit " + m.id()));

        points.handle(message("e-1"), FIRST);
        points.handle(message("e-1"), FIRST);
        points.handle(message("e-2"), FIRST);
        audit.handle(message("e-1"), FIRST);

        assertThat(handled).containsExactly("e-1", "e-2", "audit e-1");
    }

    @Test
    void aFailedAttemptDoesNotCountAsProcessed() throws Exception {
        List<Integer> attempts = new ArrayList<>();
        MessageHandler flaky = new IdempotentHandler("Points", new InMemoryProcessedMessages(), (m, d) -> {
            attempts.add(d.attempt());
            if (d.attempt() == 1) {
                throw new IllegalStateException("down");
            }
        });

        assertThatThrownBy(() -> flaky.handle(message("e-1"), FIRST)).hasMessage("down");
        flaky.handle(message("e-1"), new MessageHandler.Delivery(2, 3, "orders.created"));

        assertThat(attempts).containsExactly(1, 2);
    }

    @Test
    void aDuplicateOfAMessageStillBeingHandledIsNeitherHandledNorAcknowledgedButLeftForLater() throws Exception {
        List<String> handled = new ArrayList<>();
        InMemoryProcessedMessages processed = new InMemoryProcessedMessages();
        MessageHandler[] points = new MessageHandler[1];
        List<Throwable> duplicate = new ArrayList<>();
        points[0] = new IdempotentHandler("Points", processed, (m, d) -> {
            if (handled.isEmpty()) {
                handled.add(m.id());
                // the broker redelivers while the first delivery still runs
                try {
                    points[0].handle(m, FIRST);
                } catch (MessageInFlightException inFlight) {
                    duplicate.add(inFlight);
                }
            }
        });

        points[0].handle(message("e-1"), FIRST);

        assertThat(handled).containsExactly("e-1");
        assertThat(duplicate).singleElement().asString().contains("e-1", "Points", "still being handled");
        assertThat(processed.processOnce("Points", "e-1", () -> handled.add("again"))).as("finished now").isFalse();
    }

    @Test
    void aMessageWhoseHandlerFailedIsNotInFlightAnyMore() throws Exception {
        InMemoryProcessedMessages processed = new InMemoryProcessedMessages();
        assertThatThrownBy(() -> processed.processOnce("g", "a", () -> {
            throw new StackOverflowError("recursed");
        })).isInstanceOf(StackOverflowError.class);

        assertThat(processed.processOnce("g", "a", () -> {})).isTrue();
    }

    @Test
    void aBatchGetsOnlyTheMessagesNotFinishedBeforeEachOnceAndRecordsThemTogether() throws Exception {
        InMemoryProcessedMessages processed = new InMemoryProcessedMessages();
        processed.processOnce("Points", "e-2", () -> {});
        List<List<String>> batches = new ArrayList<>();
        BatchHandler points = new IdempotentBatchHandler("Points", processed,
                (messages, d) -> batches.add(messages.stream().map(Message::id).toList()));

        points.handleAll(List.of(message("e-1"), message("e-2"), message("e-3"), message("e-1")), FIRST);
        points.handleAll(List.of(message("e-3"), message("e-1")), FIRST);

        assertThat(batches).as("the second batch was duplicates only").containsExactly(List.of("e-1", "e-3"));
    }

    @Test
    void aFailedBatchRecordsNoneOfItsMessages() throws Exception {
        InMemoryProcessedMessages processed = new InMemoryProcessedMessages();
        assertThatThrownBy(() -> processed.processAllOnce("g", List.of("a", "b"), ids -> {
            throw new IllegalStateException("down");
        })).hasMessage("down");

        assertThat(processed.processAllOnce("g", List.of("a", "b"), ids -> {})).containsExactly("a", "b");
    }

    @Test
    void aBatchHoldingAMessageStillBeingHandledElsewhereRunsNone() throws Exception {
        InMemoryProcessedMessages processed = new InMemoryProcessedMessages();
        List<String> ran = new ArrayList<>();
        processed.processOnce("g", "b", () -> assertThatThrownBy(() -> processed.processAllOnce("g",
                List.of("a", "b"), ran::addAll)).isInstanceOf(MessageInFlightException.class));

        assertThat(ran).isEmpty();
        assertThat(processed.processOnce("g", "a", () -> ran.add("a"))).as("a was not claimed").isTrue();
    }

    @Test
    void theStoreStaysBounded() throws Exception {
        InMemoryProcessedMessages processed = new InMemoryProcessedMessages(2);
        ProcessedMessages.Work nothing = () -> {};
        assertThat(processed.processOnce("g", "a", nothing)).isTrue();
        assertThat(processed.processOnce("g", "b", nothing)).isTrue();
        assertThat(processed.processOnce("g", "c", nothing)).isTrue();
        assertThat(processed.processOnce("g", "c", nothing)).isFalse();
        assertThat(processed.processOnce("g", "a", nothing)).as("evicted, so processed again").isTrue();
    }
}
