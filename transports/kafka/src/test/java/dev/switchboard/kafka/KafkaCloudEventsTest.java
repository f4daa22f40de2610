package dev.switchboard.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.runtime.messaging.Message;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;

/** The Kafka wire format other services read: pinned header by header. */
class KafkaCloudEventsTest {

    private static final Message ORDER = new Message("e-1", "com.example.orders.orderCreated", "Orders", "o-1",
            Instant.parse("2024-05-01T10:15:30Z"), "application/json", Map.of("traceparent", "00-abc-def-01"),
            "{\"orderId\":\"o-1\"}".getBytes(StandardCharsets.UTF_8));

    private static List<String> wire(Headers headers) {
        List<String> lines = new ArrayList<>();
        for (Header header : headers) {
            lines.add(header.key() + "=" + new String(header.value(), StandardCharsets.UTF_8));
        }
        return lines;
    }

    private static ConsumerRecord<String, byte[]> record(Headers headers, String key, byte[] value) {
        return new ConsumerRecord<>("orders.created", 0, 7L, ConsumerRecord.NO_TIMESTAMP, TimestampType.NO_TIMESTAMP_TYPE,
                ConsumerRecord.NULL_SIZE, ConsumerRecord.NULL_SIZE, key, value, headers, Optional.empty());
    }

    @Test
    void attributesTravelAsCeHeadersInThisOrderThenTheContentTypeThenExtensions() {
        assertThat(wire(KafkaCloudEvents.headers(ORDER))).containsExactly(
                "ce_specversion=1.0", "ce_id=e-1", "ce_type=com.example.orders.orderCreated", "ce_source=Orders",
                "ce_time=2024-05-01T10:15:30Z", "ce_subject=o-1", "content-type=application/json",
                "traceparent=00-abc-def-01");
    }

    @Test
    void aMessageWithoutSubjectHasNoSubjectHeader() {
        Message keyless = new Message("e-2", "t", "s", null, Instant.parse("2024-05-01T10:15:30Z"), "application/protobuf",
                Map.of(), new byte[] {1});
        assertThat(wire(KafkaCloudEvents.headers(keyless))).containsExactly(
                "ce_specversion=1.0", "ce_id=e-2", "ce_type=t", "ce_source=s", "ce_time=2024-05-01T10:15:30Z",
                "content-type=application/protobuf");
    }

    @Test
    void aRecordReadsBackAsTheMessageItCarriesWithoutSpringKafkasOwnHeaders() {
        Headers headers = KafkaCloudEvents.headers(ORDER);
        headers.add("kafka_deliveryAttempt", new byte[] {0, 0, 0, 2});
        headers.add("kafka_dlt-original-topic", "orders.created".getBytes(StandardCharsets.UTF_8));
        Message read = KafkaCloudEvents.message(record(headers, "o-1", ORDER.payload()));

        assertThat(read).usingRecursiveComparison().isEqualTo(ORDER);
    }

    @Test
    void aRecordWithoutItsTypeIsNotACloudEvent() {
        Headers headers = KafkaCloudEvents.headers(ORDER);
        headers.remove("ce_type");
        assertThatThrownBy(() -> KafkaCloudEvents.message(record(headers, "o-1", ORDER.payload())))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ce_type");
    }

    @Test
    void aRecordWithoutValueHasAnEmptyPayloadAndWithoutContentTypeIsJson() {
        Headers headers = new RecordHeaders();
        KafkaCloudEvents.headers(ORDER).forEach(header -> {
            if (!header.key().equals("content-type")) {
                headers.add(header);
            }
        });
        Message read = KafkaCloudEvents.message(record(headers, null, null));
        assertThat(read.payload()).isEmpty();
        assertThat(read.contentType()).isEqualTo("application/json");
    }
}
