package dev.switchboard.it.queues;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every scenario again with protobuf payloads ({@code switchboard.messaging.payload=protobuf}: the
 * generated codecs, {@code application/protobuf}) on real NATS JetStream; consumers read each
 * message by its content type, so the malformed JSON one still dead-letters.
 */
class ProtobufPayloadTest extends NatsBrokerTest {

    @Override
    Map<String, String> broker() {
        return Map.of("switchboard.messaging.broker", "nats", "switchboard.messaging.nats.url", "nats://127.0.0.1:4222",
                "switchboard.messaging.payload", "protobuf");
    }

    @Test
    void payloadsTravelAsProtobuf() throws Exception {
        String orderId = newOrderId();
        place(orderId, "reject");

        Await.until("dead-lettered", () -> deadLetters.containsKey(orderId));
        assertThat(deadLetters.get(orderId).contentType()).isEqualTo("application/protobuf");
    }
}
