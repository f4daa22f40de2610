package dev.switchboard.runtime.messaging;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * CloudEvents 1.0 in binary content mode, once for every broker: the attributes as headers named
 * {@code <prefix><attribute>}, the media type under {@link #contentTypeHeader()}, the payload as
 * the body, and every other header (trace context, dead-letter reasons) as an extension under its
 * own name. Brokers differ only in naming, so each transport picks one of the conventions below and
 * converts between this header map and its own header type; nothing else about the envelope is
 * written twice.
 *
 * <p>The subject travels as the {@code subject} attribute on every broker; Kafka's publisher also
 * makes it the record key, which partitions by it.
 */
public final class CloudEventsBinding {

    /** Kafka's protocol binding: {@code ce_*} headers; spring-kafka's {@code kafka_*} headers are its own. */
    public static final CloudEventsBinding KAFKA = new CloudEventsBinding("ce_", "content-type", List.of("kafka_"));

    /** The NATS protocol binding: {@code ce-*} headers; {@code Nats-*} headers belong to JetStream. */
    public static final CloudEventsBinding NATS = new CloudEventsBinding("ce-", "content-type", List.of("Nats-"));

    /**
     * The AMQP protocol binding: {@code cloudEvents_*} application properties; {@code x-*} headers are
     * RabbitMQ's (dead-lettering history), {@code sbattempt} the attempt the retry queue carries.
     */
    public static final CloudEventsBinding AMQP = new CloudEventsBinding("cloudEvents_", "content-type",
            List.of("x-", "sbattempt"));

    /** Used when a message carries no media type: Switchboard's publishers always send one. */
    static final String DEFAULT_CONTENT_TYPE = "application/json";
    /** The media type of a dead-lettered body whose own is unknown. */
    static final String UNKNOWN_CONTENT_TYPE = "application/octet-stream";
    static final String UNKNOWN = "unknown";

    private final String prefix;
    private final String contentTypeHeader;
    private final List<String> brokerHeaders;
    // The attributes' header names, built once: every message is written and read by them.
    private final String specversion;
    private final String id;
    private final String type;
    private final String source;
    private final String time;
    private final String subject;

    /**
     * @param prefix            what attribute names start with: {@code ce_}, {@code ce-}, {@code cloudEvents_}
     * @param contentTypeHeader where the media type travels; RabbitMQ's adapter moves it to and from
     *                          the AMQP {@code content-type} property
     * @param brokerHeaders     prefixes of the broker's and its client library's own headers, which are
     *                          neither attributes nor extensions and are dropped when reading
     */
    public CloudEventsBinding(String prefix, String contentTypeHeader, List<String> brokerHeaders) {
        this.prefix = Objects.requireNonNull(prefix, "prefix");
        this.contentTypeHeader = Objects.requireNonNull(contentTypeHeader, "contentTypeHeader");
        this.brokerHeaders = List.copyOf(brokerHeaders);
        this.specversion = prefix + "specversion";
        this.id = prefix + "id";
        this.type = prefix + "type";
        this.source = prefix + "source";
        this.time = prefix + "time";
        this.subject = prefix + "subject";
    }

    public String prefix() {
        return prefix;
    }

    public String contentTypeHeader() {
        return contentTypeHeader;
    }

    public List<String> brokerHeaders() {
        return brokerHeaders;
    }

    /**
     * The headers {@code message} travels with, in the order they go on the wire: specversion, id,
     * type, source, time, subject (when there is one), the content type, then the extensions.
     */
    public Map<String, String> headers(Message message) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(specversion, "1.0");
        headers.put(id, message.id());
        headers.put(type, message.type());
        headers.put(source, message.source());
        headers.put(time, CloudEventTime.format(message.time()));
        if (message.subject() != null) {
            headers.put(subject, message.subject());
        }
        headers.put(contentTypeHeader, message.contentType());
        headers.putAll(message.headers());
        return headers;
    }

    /**
     * The message these headers and body carry.
     *
     * @throws IllegalArgumentException naming the header, when a required attribute (id, type, source,
     *                                  time) is missing or the time is not a timestamp
     */
    public Message read(Map<String, String> headers, byte[] payload) {
        return new Message(required(headers, id), required(headers, type), required(headers, source),
                headers.get(subject), time(headers.get(time)),
                headers.getOrDefault(contentTypeHeader, DEFAULT_CONTENT_TYPE), extensions(headers), body(payload));
    }

    /**
     * As much of the message as these headers and body hold, for the dead-letter destination when
     * {@link #read} refused them: every attribute that is there, {@code unknown} for a missing type or
     * source, the delivery's {@code fallbackId} for a missing id, now for a missing or unreadable time.
     */
    public Message salvage(Map<String, String> headers, byte[] payload, String fallbackId) {
        Instant sent;
        try {
            sent = time(headers.get(time));
        } catch (IllegalArgumentException unreadable) {
            sent = Instant.now();
        }
        return new Message(headers.getOrDefault(id, fallbackId), headers.getOrDefault(type, UNKNOWN),
                headers.getOrDefault(source, UNKNOWN), headers.get(subject), sent,
                headers.getOrDefault(contentTypeHeader, UNKNOWN_CONTENT_TYPE), extensions(headers), body(payload));
    }

    private Map<String, String> extensions(Map<String, String> headers) {
        Map<String, String> extensions = new LinkedHashMap<>();
        headers.forEach((name, value) -> {
            if (!name.startsWith(prefix) && !name.equalsIgnoreCase(contentTypeHeader) && !isBrokers(name) && value != null) {
                extensions.put(name, value);
            }
        });
        return extensions;
    }

    private boolean isBrokers(String name) {
        for (String brokers : brokerHeaders) {
            if (name.startsWith(brokers)) {
                return true;
            }
        }
        return false;
    }

    private static String required(Map<String, String> headers, String attribute) {
        String value = headers.get(attribute);
        if (value == null) {
            throw new IllegalArgumentException("not a CloudEvent: the required attribute " + attribute
                    + " is missing (headers: " + headers.keySet() + ")");
        }
        return value;
    }

    private Instant time(String value) {
        if (value == null) {
            throw new IllegalArgumentException("not a CloudEvent: the required attribute " + time + " is missing");
        }
        try {
            return CloudEventTime.parse(value);
        } catch (DateTimeParseException unreadable) {
            throw new IllegalArgumentException("not a CloudEvent: " + time + " is not an RFC 3339 timestamp: "
                    + value, unreadable);
        }
    }

    private static byte[] body(byte[] payload) {
        return payload == null ? new byte[0] : payload;
    }
}
