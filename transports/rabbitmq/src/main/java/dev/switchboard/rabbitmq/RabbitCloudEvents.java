package dev.switchboard.rabbitmq;

import dev.switchboard.runtime.messaging.CloudEventsBinding;
import dev.switchboard.runtime.messaging.Message;
import org.springframework.amqp.core.MessageDeliveryMode;
import org.springframework.amqp.core.MessageProperties;

/**
 * {@link CloudEventsBinding#AMQP} on spring-amqp's messages: the attributes as {@code cloudEvents_*}
 * application properties, the media type as the AMQP content type, the event id as the message id,
 * the payload as the body, persistent; plus the {@value #ATTEMPT} header that carries the attempt
 * across the retry queue.
 */
final class RabbitCloudEvents {

    private static final CloudEventsBinding BINDING = CloudEventsBinding.AMQP;
    /** How many times a message was delivered, carried across the retry queue. */
    static final String ATTEMPT = "sbattempt";

    private RabbitCloudEvents() {}

    static org.springframework.amqp.core.Message amqp(Message message, int attempt) {
        MessageProperties properties = new MessageProperties();
        properties.setContentType(message.contentType());
        properties.setMessageId(message.id());
        properties.setDeliveryMode(MessageDeliveryMode.PERSISTENT);
        BINDING.write(message, (name, value) -> {
            if (!name.equals(BINDING.contentTypeHeader())) {
                properties.setHeader(name, value);
            }
        });
        properties.setHeader(ATTEMPT, attempt);
        return new org.springframework.amqp.core.Message(message.payload(), properties);
    }

    /** The message an AMQP delivery carries; fails, naming the property, when it is not a CloudEvent. */
    static Message message(org.springframework.amqp.core.Message received) {
        return BINDING.read(headers(received), received.getBody());
    }

    /** What can be kept of a delivery that is not a CloudEvent; its delivery tag stands in for a missing id. */
    static Message salvage(org.springframework.amqp.core.Message received) {
        return BINDING.salvage(headers(received), received.getBody(),
                "amqp-" + received.getMessageProperties().getDeliveryTag());
    }

    static int attempt(org.springframework.amqp.core.Message received) {
        Object value = received.getMessageProperties().getHeaders().get(ATTEMPT);
        return value instanceof Number number ? number.intValue() : 1;
    }

    /** The application properties as text, with the AMQP content type under the binding's content-type name. */
    private static CloudEventsBinding.Headers headers(org.springframework.amqp.core.Message received) {
        MessageProperties properties = received.getMessageProperties();
        return each -> {
            properties.getHeaders().forEach((name, value) -> {
                if (value != null && !name.equals(BINDING.contentTypeHeader())) {
                    each.accept(name, value.toString());
                }
            });
            if (properties.getContentType() != null) {
                each.accept(BINDING.contentTypeHeader(), properties.getContentType());
            }
        };
    }
}
