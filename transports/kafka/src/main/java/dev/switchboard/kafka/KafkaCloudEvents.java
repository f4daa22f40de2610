package dev.switchboard.kafka;

import dev.switchboard.runtime.messaging.Message;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * CloudEvents 1.0 in binary content mode over Kafka: the attributes as {@code ce_*} headers, the
 * media type as {@code content-type}, the subject as the record key, the payload as the value;
 * other headers (trace context, dead-letter reasons) under their own names. Spring Kafka's own
 * {@code kafka_*} headers are not message attributes and are left out.
 */
final class KafkaCloudEvents {

    private static final String PREFIX = "ce_";
    private static final String CONTENT_TYPE = "content-type";

    private KafkaCloudEvents() {}

    static Headers headers(Message message) {
        RecordHeaders headers = new RecordHeaders();
        put(headers, PREFIX + "specversion", "1.0");
        put(headers, PREFIX + "id", message.id());
        put(headers, PREFIX + "type", message.type());
        put(headers, PREFIX + "source", message.source());
        put(headers, PREFIX + "time", message.time().toString());
        if (message.subject() != null) {
            put(headers, PREFIX + "subject", message.subject());
        }
        put(headers, CONTENT_TYPE, message.contentType());
        message.headers().forEach((name, value) -> put(headers, name, value));
        return headers;
    }

    static Message message(ConsumerRecord<String, byte[]> record) {
        Map<String, String> extensions = new LinkedHashMap<>();
        for (Header header : record.headers()) {
            String name = header.key();
            if (!name.startsWith(PREFIX) && !name.equals(CONTENT_TYPE) && !name.startsWith("kafka_")) {
                extensions.put(name, text(header));
            }
        }
        String contentType = last(record.headers(), CONTENT_TYPE);
        return new Message(required(record, "id"), required(record, "type"), required(record, "source"),
                last(record.headers(), PREFIX + "subject"), Instant.parse(required(record, "time")),
                contentType == null ? "application/json" : contentType, extensions,
                record.value() == null ? new byte[0] : record.value());
    }

    static void put(Headers headers, String name, String value) {
        headers.remove(name);
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    private static String required(ConsumerRecord<String, byte[]> record, String attribute) {
        String value = last(record.headers(), PREFIX + attribute);
        if (value == null) {
            throw new IllegalArgumentException("the CloudEvent attribute " + attribute + " is missing");
        }
        return value;
    }

    private static String last(Headers headers, String name) {
        Header header = headers.lastHeader(name);
        return header == null ? null : text(header);
    }

    private static String text(Header header) {
        return header.value() == null ? "" : new String(header.value(), StandardCharsets.UTF_8);
    }
}
