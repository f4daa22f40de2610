package dev.switchboard.codegen.spec;

import static dev.switchboard.codegen.spec.YamlDocument.map;

import java.util.List;
import java.util.Map;

/**
 * The message headers every Switchboard message carries: CloudEvents 1.0 attributes in binary
 * content mode, plus W3C trace context so one trace spans publisher and consumer.
 */
final class CloudEventHeaders {

    /** The attributes CloudEvents 1.0 makes required. */
    static final List<String> REQUIRED = List.of("ce_id", "ce_source", "ce_type", "ce_specversion");

    private CloudEventHeaders() {}

    static Map<String, Object> schema() {
        return map(
                "type", "object",
                "description", "CloudEvents 1.0 attributes in binary content mode, one header each;"
                        + " the payload is the message body.",
                "properties", map(
                        "ce_id", map("type", "string", "minLength", 1,
                                "description", "Unique per message; a redelivery keeps it, so consumers can skip duplicates."),
                        "ce_source", map("type", "string", "format", "uri-reference", "minLength", 1,
                                "description", "The service that produced the message."),
                        "ce_type", map("type", "string", "minLength", 1,
                                "description", "The kind of message: which event or command this is."),
                        "ce_time", map("type", "string", "format", "date-time",
                                "description", "When the message was produced."),
                        "ce_specversion", map("type", "string", "const", "1.0",
                                "description", "The CloudEvents version."),
                        "ce_subject", map("type", "string",
                                "description", "What the message is about, e.g. the key of the entity."),
                        "traceparent", map("type", "string",
                                "pattern", "^[0-9a-f]{2}-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}$",
                                "description", "W3C trace context of the publishing call.")),
                "required", REQUIRED);
    }
}
