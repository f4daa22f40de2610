package dev.switchboard.kafka;

import dev.switchboard.runtime.messaging.CloudEventsBinding;
import dev.switchboard.runtime.messaging.Message;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * {@link CloudEventsBinding#KAFKA} on Kafka's record headers: {@code ce_*} attributes, the media type
 * as {@code content-type}, the payload as the value (the publisher makes the subject the record key).
 * A header that occurs more than once counts with its last value, as Kafka's {@code lastHeader} does.
 */
final class KafkaCloudEvents {

    private static final CloudEventsBinding BINDING = CloudEventsBinding.KAFKA;

    private KafkaCloudEvents() {}

    static Headers headers(Message message) {
        RecordHeaders headers = new RecordHeaders();
        BINDING.write(message, (name, value) -> headers.add(name, value.getBytes(StandardCharsets.UTF_8)));
        return headers;
    }

    /** The message a record carries; fails, naming the header, when it is not a CloudEvent. */
    static Message message(ConsumerRecord<String, byte[]> record) {
        return BINDING.read(headers(record), record.value());
    }

    /** What can be kept of a record that is not a CloudEvent; its position stands in for a missing id. */
    static Message salvage(ConsumerRecord<String, byte[]> record) {
        return BINDING.salvage(headers(record), record.value(),
                "kafka-" + record.topic() + "-" + record.partition() + "-" + record.offset());
    }

    /** The record's headers as text, read in place. */
    private static CloudEventsBinding.Headers headers(ConsumerRecord<String, byte[]> record) {
        return each -> {
            for (Header header : record.headers()) {
                each.accept(header.key(), header.value() == null ? "" : new String(header.value(), StandardCharsets.UTF_8));
            }
        };
    }
}
