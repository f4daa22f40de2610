package dev.switchboard.runtime.messaging;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiConsumer;

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
        write(message, headers::put);
        return headers;
    }

    /**
     * Hands {@code message}'s headers to {@code header} in the order of {@link #headers(Message)}: a transport
     * writes them straight into its own header type, with no map in between (this runs once per publish).
     */
    public void write(Message message, BiConsumer<String, String> header) {
        header.accept(specversion, "1.0");
        header.accept(id, message.id());
        header.accept(type, message.type());
        header.accept(source, message.source());
        header.accept(time, CloudEventTime.format(message.time()));
        if (message.subject() != null) {
            header.accept(subject, message.subject());
        }
        header.accept(contentTypeHeader, message.contentType());
        message.headers().forEach(header);
    }

    /**
     * A broker message's headers as text, each handed over once in the broker's order; a header that
     * occurs twice counts with its last value. Lets the binding read a delivery without copying all of
     * its headers into a map first (this runs once per delivery).
     */
    @FunctionalInterface
    public interface Headers {

        void forEach(BiConsumer<String, String> header);
    }

    /**
     * The message these headers and body carry.
     *
     * @throws IllegalArgumentException naming the header, when a required attribute (id, type, source,
     *                                  time) is missing or the time is not a timestamp
     */
    public Message read(Map<String, String> headers, byte[] payload) {
        return read(headers::forEach, payload);
    }

    /** As {@link #read(Map, byte[])}, from the broker's own headers. */
    public Message read(Headers headers, byte[] payload) {
        Attributes read = new Attributes();
        headers.forEach(read);
        return new Message(required(read.id, id, headers), required(read.type, type, headers),
                required(read.source, source, headers), read.subject, time(read.time),
                read.contentType == null ? DEFAULT_CONTENT_TYPE : read.contentType, read.extensions(), body(payload));
    }

    /**
     * As much of the message as these headers and body hold, for the dead-letter destination when
     * {@link #read} refused them: every attribute that is there, {@code unknown} for a missing type or
     * source, the delivery's {@code fallbackId} for a missing id, now for a missing or unreadable time.
     */
    public Message salvage(Map<String, String> headers, byte[] payload, String fallbackId) {
        return salvage(headers::forEach, payload, fallbackId);
    }

    /** As {@link #salvage(Map, byte[], String)}, from the broker's own headers. */
    public Message salvage(Headers headers, byte[] payload, String fallbackId) {
        Attributes read = new Attributes();
        headers.forEach(read);
        Instant sent;
        try {
            sent = time(read.time);
        } catch (IllegalArgumentException unreadable) {
            sent = Instant.now();
        }
        return new Message(orElse(read.id, fallbackId), orElse(read.type, UNKNOWN), orElse(read.source, UNKNOWN),
                read.subject, sent, orElse(read.contentType, UNKNOWN_CONTENT_TYPE), read.extensions(), body(payload));
    }

    /**
     * One pass over a delivery's headers: the attributes into their fields, the extensions into a map of
     * their own; other attributes, another spelling of the content-type header and the broker's headers
     * are dropped.
     */
    private final class Attributes implements BiConsumer<String, String> {

        String id;
        String type;
        String source;
        String time;
        String subject;
        String contentType;
        private Map<String, String> extensions;

        @Override
        public void accept(String name, String value) {
            if (name.startsWith(prefix)) {
                attribute(name, value);
            } else if (name.equals(contentTypeHeader)) {
                contentType = value;
            } else if (!name.equalsIgnoreCase(contentTypeHeader) && !isBrokers(name) && value != null) {
                // Mostly one (traceparent): kept as Map.of, which the Message takes as it is instead of copying.
                if (extensions == null) {
                    extensions = Map.of(name, value);
                    return;
                }
                if (!(extensions instanceof LinkedHashMap)) {
                    extensions = new LinkedHashMap<>(extensions);
                }
                extensions.put(name, value);
            }
        }

        private void attribute(String name, String value) {
            if (name.equals(CloudEventsBinding.this.id)) {
                id = value;
            } else if (name.equals(CloudEventsBinding.this.type)) {
                type = value;
            } else if (name.equals(CloudEventsBinding.this.source)) {
                source = value;
            } else if (name.equals(CloudEventsBinding.this.time)) {
                time = value;
            } else if (name.equals(CloudEventsBinding.this.subject)) {
                subject = value;
            }
        }

        Map<String, String> extensions() {
            return extensions == null ? Map.of() : extensions;
        }
    }

    private boolean isBrokers(String name) {
        for (String brokers : brokerHeaders) {
            if (name.startsWith(brokers)) {
                return true;
            }
        }
        return false;
    }

    private static String required(String value, String attribute, Headers headers) {
        if (value == null) {
            List<String> names = new ArrayList<>();
            headers.forEach((name, ignored) -> names.add(name));
            throw new IllegalArgumentException("not a CloudEvent: the required attribute " + attribute
                    + " is missing (headers: " + names + ")");
        }
        return value;
    }

    private static String orElse(String value, String fallback) {
        return value == null ? fallback : value;
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
