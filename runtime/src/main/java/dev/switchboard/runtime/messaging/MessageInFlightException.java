package dev.switchboard.runtime.messaging;

import dev.switchboard.runtime.ErrorCode;
import dev.switchboard.runtime.SwitchboardException;
import java.util.Map;

/**
 * Another delivery of the same message is still being handled, here or in another instance: this
 * one must neither run the handler (it could run twice) nor be acknowledged (the other one may
 * still fail). The {@link DeliveryLoop} leaves it for redelivery later, as the same attempt.
 * {@code ABORTED}, so anything that sees it without knowing it still retries it.
 */
public final class MessageInFlightException extends SwitchboardException {

    private static final long serialVersionUID = 1L;

    public MessageInFlightException(String group, String messageId, Throwable cause) {
        super(ErrorCode.ABORTED, ErrorCode.ABORTED.name(),
                "message " + messageId + " of " + group + " is still being handled by another delivery", Map.of(),
                cause);
    }
}
