package dev.switchboard.runtime.messaging;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One message as every broker carries it: a CloudEvent in binary content mode. The attributes
 * travel as broker headers, the payload as the body.
 *
 * @param id          CloudEvent id, unique per message; consumers deduplicate by it
 * @param type        CloudEvent type, e.g. {@code com.example.orders.orderCreated}
 * @param source      CloudEvent source, the producing service
 * @param subject     the partitioning key, or null
 * @param time        when it was produced
 * @param contentType the payload's media type, e.g. {@code application/json}
 * @param headers     further attributes and extensions (traceparent, dead-letter reasons)
 * @param payload     the body
 */
public record Message(
        String id, String type, String source, String subject, Instant time, String contentType,
        Map<String, String> headers, byte[] payload) {

    public Message {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(contentType, "contentType");
        headers = Map.copyOf(headers);
        payload = payload.clone();
    }

    @Override
    public byte[] payload() {
        return payload.clone();
    }

    /** This message with {@code extra} headers added (replacing same-named ones). */
    public Message withHeaders(Map<String, String> extra) {
        Map<String, String> merged = new LinkedHashMap<>(headers);
        merged.putAll(extra);
        return new Message(id, type, source, subject, time, contentType, merged, payload);
    }

    @Override
    public String toString() {
        return "Message[" + type + " " + id + (subject == null ? "" : " subject=" + subject) + ", "
                + payload.length + " bytes]";
    }
}
