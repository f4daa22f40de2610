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
    void theStoreStaysBounded() {
        InMemoryProcessedMessages processed = new InMemoryProcessedMessages(2);
        assertThat(processed.claim("g", "a")).isTrue();
        assertThat(processed.claim("g", "b")).isTrue();
        assertThat(processed.claim("g", "c")).isTrue();
        assertThat(processed.claim("g", "c")).isFalse();
        assertThat(processed.claim("g", "a")).as("evicted, so processed again").isTrue();
    }
}
