package dev.switchboard.nats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.runtime.messaging.Message;
import io.nats.client.impl.Headers;
import io.nats.client.impl.NatsMessage;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The NATS wire format other services read: pinned to the serialized header bytes. */
class NatsCloudEventsTest {

    private static final Message ORDER = new Message("e-1", "com.example.orders.orderCreated", "Orders", "o-1",
            Instant.parse("2024-05-01T10:15:30Z"), "application/json", Map.of("traceparent", "00-abc-def-01"),
            "{\"orderId\":\"o-1\"}".getBytes(StandardCharsets.UTF_8));

    private static io.nats.client.Message received(Headers headers, byte[] data) {
        return NatsMessage.builder().subject("orders.created").headers(headers).data(data).build();
    }

    @Test
    void attributesTravelAsCeHeadersAndTheMediaTypeAsContentType() {
        Headers expected = new Headers()
                .put("ce-specversion", "1.0").put("ce-id", "e-1").put("ce-type", "com.example.orders.orderCreated")
                .put("ce-source", "Orders").put("ce-time", "2024-05-01T10:15:30Z").put("ce-subject", "o-1")
                .put("content-type", "application/json").put("traceparent", "00-abc-def-01");
        assertThat(new String(NatsCloudEvents.headers(ORDER).getSerialized(), StandardCharsets.UTF_8))
                .isEqualTo(new String(expected.getSerialized(), StandardCharsets.UTF_8));
    }

    @Test
    void aDeliveryReadsBackAsTheMessageItCarriesWithoutJetStreamsOwnHeaders() {
        Headers headers = NatsCloudEvents.headers(ORDER).put("Nats-Msg-Id", "e-1");
        Message read = NatsCloudEvents.message(received(headers, ORDER.payload()));

        assertThat(read).usingRecursiveComparison().isEqualTo(ORDER);
    }

    @Test
    void aDeliveryWithoutHeadersIsNotACloudEvent() {
        assertThatThrownBy(() -> NatsCloudEvents.message(received(null, new byte[] {1})))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ce-id");
    }

    @Test
    void aDeliveryWithoutItsSourceIsNotACloudEvent() {
        Headers headers = NatsCloudEvents.headers(ORDER);
        headers.remove("ce-source");
        assertThatThrownBy(() -> NatsCloudEvents.message(received(headers, ORDER.payload())))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ce-source");
    }
}
