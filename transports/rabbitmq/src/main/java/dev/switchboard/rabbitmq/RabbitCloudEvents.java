package dev.switchboard.rabbitmq;

import dev.switchboard.runtime.messaging.Message;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.amqp.core.MessageProperties;

/**
 * CloudEvents 1.0 in binary content mode over AMQP: the attributes as {@code cloudEvents_*}
 * application properties, the media type as the content type, the payload as the body; other
 * headers (trace context, dead-letter reasons) under their own names.
 */
final class RabbitCloudEvents {

    private static final String PREFIX = "cloudEvents_";
    /** How many times a message was delivered, carried across the retry queue. */
    static final String ATTEMPT = "sbattempt";

    private RabbitCloudEvents() {}

    static org.springframework.amqp.core.Message amqp(Message message, int attempt) {
        MessageProperties properties = new MessageProperties();
        properties.setContentType(message.contentType());
        properties.setMessageId(message.id());
        properties.setDeliveryMode(org.springframework.amqp.core.MessageDeliveryMode.PERSISTENT);
        properties.setHeader(PREFIX + "specversion", "1.0");
        properties.setHeader(PREFIX + "id", message.id());
        properties.setHeader(PREFIX + "type", message.type());
        properties.setHeader(PREFIX + "source", message.source());
        properties.setHeader(PREFIX + "time", message.time().toString());
        if (message.subject() != null) {
            properties.setHeader(PREFIX + "subject", message.subject());
        }
        message.headers().forEach(properties::setHeader);
        properties.setHeader(ATTEMPT, attempt);
        return new org.springframework.amqp.core.Message(message.payload(), properties);
    }

    static Message message(org.springframework.amqp.core.Message received) {
        MessageProperties properties = received.getMessageProperties();
        Map<String, String> extensions = new LinkedHashMap<>();
        properties.getHeaders().forEach((name, value) -> {
            if (!name.startsWith(PREFIX) && !name.equals(ATTEMPT) && value != null) {
                extensions.put(name, value.toString());
            }
        });
        return new Message(required(properties, "id"), required(properties, "type"), required(properties, "source"),
                optional(properties, "subject"), Instant.parse(required(properties, "time")),
                properties.getContentType() == null ? "application/json" : properties.getContentType(),
                extensions, received.getBody());
    }

    /** What can be salvaged from a delivery that is not a CloudEvent, so it can be dead-lettered. */
    static Message raw(org.springframework.amqp.core.Message received) {
        MessageProperties properties = received.getMessageProperties();
        String id = optional(properties, "id");
        return new Message(id != null ? id : "amqp-" + properties.getDeliveryTag(), "unknown", "unknown", null,
                Instant.now(), "application/octet-stream", Map.of(), received.getBody());
    }

    static int attempt(org.springframework.amqp.core.Message received) {
        Object value = received.getMessageProperties().getHeaders().get(ATTEMPT);
        return value instanceof Number number ? number.intValue() : 1;
    }

    private static String optional(MessageProperties properties, String attribute) {
        Object value = properties.getHeaders().get(PREFIX + attribute);
        return value == null ? null : value.toString();
    }

    private static String required(MessageProperties properties, String attribute) {
        String value = optional(properties, attribute);
        if (value == null) {
            throw new IllegalArgumentException("the CloudEvent attribute " + attribute + " is missing");
        }
        return value;
    }
}
