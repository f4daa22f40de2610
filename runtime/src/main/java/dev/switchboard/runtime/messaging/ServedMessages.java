package dev.switchboard.runtime.messaging;

import java.util.List;

/**
 * The events and commands of one contract a running service publishes, or consumes; generated messaging
 * configurations declare them, so the service page lists what really runs.
 *
 * @param role {@code publisher} or {@code consumer}
 */
public record ServedMessages(String service, String role, List<MessageDescriptor> messages) {

    public ServedMessages {
        messages = List.copyOf(messages);
    }
}
