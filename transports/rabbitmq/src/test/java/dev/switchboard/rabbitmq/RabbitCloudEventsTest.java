package dev.switchboard.rabbitmq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.runtime.messaging.Message;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.amqp.core.MessageDeliveryMode;
import org.springframework.amqp.core.MessageProperties;
import org.junit.jupiter.api.Test;

/** The AMQP wire format other services read: pinned property by property. */
class RabbitCloudEventsTest {

    private static final Message ORDER = new Message("e-1", "com.example.orders.orderCreated", "Orders", "o-1",
            Instant.parse("2024-05-01T10:15:30Z"), "application/json", Map.of("traceparent", "00-abc-def-01"),
            "{\"orderId\":\"o-1\"}".getBytes(StandardCharsets.UTF_8));

    @Test
    void attributesTravelAsCloudEventsApplicationPropertiesWithTheAmqpContentTypeAndMessageId() {
        org.springframework.amqp.core.Message amqp = RabbitCloudEvents.amqp(ORDER, 2);
        MessageProperties properties = amqp.getMessageProperties();

        assertThat(properties.getContentType()).isEqualTo("application/json");
        assertThat(properties.getMessageId()).isEqualTo("e-1");
        assertThat(properties.getDeliveryMode()).isEqualTo(MessageDeliveryMode.PERSISTENT);
        assertThat(properties.getHeaders()).isEqualTo(Map.of(
                "cloudEvents_specversion", "1.0", "cloudEvents_id", "e-1",
                "cloudEvents_type", "com.example.orders.orderCreated", "cloudEvents_source", "Orders",
                "cloudEvents_time", "2024-05-01T10:15:30Z", "cloudEvents_subject", "o-1",
                "traceparent", "00-abc-def-01", "sbattempt", 2));
        assertThat(amqp.getBody()).isEqualTo(ORDER.payload());
    }

    @Test
    void aDeliveryReadsBackAsTheMessageItCarriesWithItsAttemptButWithoutTheBrokersOwnHeaders() {
        org.springframework.amqp.core.Message amqp = RabbitCloudEvents.amqp(ORDER, 3);
        amqp.getMessageProperties().setHeader("x-death", List.of(Map.of("count", 1L, "queue", "orders.created.points.retry")));
        amqp.getMessageProperties().setHeader("x-first-death-queue", "orders.created.points.retry");
        Message read = RabbitCloudEvents.message(amqp);

        assertThat(RabbitCloudEvents.attempt(amqp)).isEqualTo(3);
        assertThat(read).usingRecursiveComparison().isEqualTo(ORDER);
    }

    @Test
    void aDeliveryWithoutItsIdIsNotACloudEvent() {
        org.springframework.amqp.core.Message amqp = RabbitCloudEvents.amqp(ORDER, 1);
        amqp.getMessageProperties().getHeaders().remove("cloudEvents_id");
        assertThatThrownBy(() -> RabbitCloudEvents.message(amqp))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cloudEvents_id");
    }

    @Test
    void aMessageFromAnotherPublisherWithoutAttemptIsTheFirstAttempt() {
        org.springframework.amqp.core.Message amqp = RabbitCloudEvents.amqp(ORDER, 1);
        amqp.getMessageProperties().getHeaders().remove("sbattempt");
        assertThat(RabbitCloudEvents.attempt(amqp)).isEqualTo(1);
    }
}
