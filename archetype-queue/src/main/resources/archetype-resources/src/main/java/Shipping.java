package ${package};

import java.time.Instant;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Handles the {@code shipOrder} command (one instance of the service gets each) and publishes
 * {@code orderShipped}. Returning acknowledges the command; a thrown exception with a retryable
 * code redelivers it after a backoff, any other failure sends it to its dead-letter queue.
 */
@Component
public class Shipping implements ${serviceName}CommandsHandler {

    private final ${serviceName}Events events;

    public Shipping(${serviceName}Events events) {
        this.events = events;
    }

    @Override
    public void shipOrder(ShipOrder command) {
        String trackingNumber = "TRK-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        // Waits for the broker's confirm, so the command is acknowledged only once the event is safe.
        events.orderShipped(new OrderShipped(command.orderId(), trackingNumber, Instant.now())).join();
    }
}
