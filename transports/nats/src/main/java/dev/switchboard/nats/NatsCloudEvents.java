package dev.switchboard.nats;

import dev.switchboard.runtime.messaging.CloudEventsBinding;
import dev.switchboard.runtime.messaging.Message;
import io.nats.client.impl.Headers;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@link CloudEventsBinding#NATS} on jnats' {@link Headers}: {@code ce-*} attributes, the media type
 * as {@code content-type}, the payload as the body.
 */
final class NatsCloudEvents {

    private static final CloudEventsBinding BINDING = CloudEventsBinding.NATS;

    private NatsCloudEvents() {}

    static Headers headers(Message message) {
        Headers headers = new Headers();
        BINDING.headers(message).forEach(headers::put);
        return headers;
    }

    /** The message a NATS delivery carries; fails, naming the header, when it is not a CloudEvent. */
    static Message message(io.nats.client.Message received) {
        return BINDING.read(headers(received), received.getData());
    }

    /** What can be kept of a JetStream delivery that is not a CloudEvent; its stream sequence stands in for a missing id. */
    static Message salvage(io.nats.client.Message received) {
        return BINDING.salvage(headers(received), received.getData(), "nats-" + received.metaData().streamSequence());
    }

    private static Map<String, String> headers(io.nats.client.Message received) {
        Map<String, String> headers = new LinkedHashMap<>();
        Headers natsHeaders = received.getHeaders();
        if (natsHeaders != null) {
            for (String name : natsHeaders.keySet()) {
                headers.put(name, natsHeaders.getFirst(name));
            }
        }
        return headers;
    }
}
