package dev.switchboard.nats;

import dev.switchboard.runtime.messaging.CloudEventsBinding;
import dev.switchboard.runtime.messaging.Message;
import io.nats.client.impl.Headers;

/**
 * {@link CloudEventsBinding#NATS} on jnats' {@link Headers}: {@code ce-*} attributes, the media type
 * as {@code content-type}, the payload as the body.
 */
final class NatsCloudEvents {

    private static final CloudEventsBinding BINDING = CloudEventsBinding.NATS;

    private NatsCloudEvents() {}

    static Headers headers(Message message) {
        Headers headers = new Headers();
        BINDING.write(message, headers::put);
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

    /**
     * The delivery's headers, the first value of each, read in place (walked, not looked up by name: a lookup
     * per header was a tenth of a consumer thread's samples).
     */
    private static CloudEventsBinding.Headers headers(io.nats.client.Message received) {
        return each -> {
            Headers natsHeaders = received.getHeaders();
            if (natsHeaders != null) {
                natsHeaders.forEach((name, values) -> each.accept(name,
                        values == null || values.isEmpty() ? null : values.get(0)));
            }
        };
    }
}
