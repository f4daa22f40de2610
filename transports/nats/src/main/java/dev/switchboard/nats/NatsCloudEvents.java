package dev.switchboard.nats;

import dev.switchboard.runtime.messaging.Message;
import io.nats.client.impl.Headers;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * CloudEvents 1.0 in binary content mode over NATS: the attributes as {@code ce-*} headers, the
 * media type as {@code content-type}, the payload as the body; other headers (trace context,
 * dead-letter reasons) travel under their own names.
 */
final class NatsCloudEvents {

    private static final String PREFIX = "ce-";
    private static final String CONTENT_TYPE = "content-type";

    private NatsCloudEvents() {}

    static Headers headers(Message message) {
        Headers headers = new Headers();
        headers.put(PREFIX + "specversion", "1.0");
        headers.put(PREFIX + "id", message.id());
        headers.put(PREFIX + "type", message.type());
        headers.put(PREFIX + "source", message.source());
        headers.put(PREFIX + "time", message.time().toString());
        if (message.subject() != null) {
            headers.put(PREFIX + "subject", message.subject());
        }
        headers.put(CONTENT_TYPE, message.contentType());
        message.headers().forEach(headers::put);
        return headers;
    }

    /** The message a NATS delivery carries; fails when a required attribute is missing or unreadable. */
    static Message message(io.nats.client.Message received) {
        Headers headers = received.getHeaders();
        if (headers == null) {
            throw new IllegalArgumentException("no CloudEvent headers on a message of " + received.getSubject());
        }
        Map<String, String> extensions = new LinkedHashMap<>();
        for (String name : headers.keySet()) {
            if (!name.startsWith(PREFIX) && !name.equalsIgnoreCase(CONTENT_TYPE)) {
                extensions.put(name, headers.getFirst(name));
            }
        }
        return new Message(required(headers, "id"), required(headers, "type"), required(headers, "source"),
                headers.getFirst(PREFIX + "subject"), Instant.parse(required(headers, "time")),
                headers.getFirst(CONTENT_TYPE) == null ? "application/json" : headers.getFirst(CONTENT_TYPE),
                extensions, received.getData() == null ? new byte[0] : received.getData());
    }

    /** What can be salvaged from a delivery that is not a CloudEvent, so it can be dead-lettered. */
    static Message raw(io.nats.client.Message received) {
        Headers headers = received.getHeaders();
        String id = headers == null || headers.getFirst(PREFIX + "id") == null
                ? "nats-" + received.metaData().streamSequence() : headers.getFirst(PREFIX + "id");
        return new Message(id, "unknown", "unknown", null, Instant.now(), "application/octet-stream", Map.of(),
                received.getData() == null ? new byte[0] : received.getData());
    }

    private static String required(Headers headers, String attribute) {
        List<String> values = headers.get(PREFIX + attribute);
        if (values == null || values.isEmpty()) {
            throw new IllegalArgumentException("the CloudEvent attribute " + attribute + " is missing");
        }
        return values.get(0);
    }
}
