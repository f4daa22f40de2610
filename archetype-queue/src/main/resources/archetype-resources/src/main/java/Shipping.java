package ${package};

import java.time.Instant;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Handles the {@code shipOrder} command (one instance of the service gets each): records the
 * shipment and publishes {@code orderShipped} in one database transaction. With the transactional
 * outbox ({@code switchboard.messaging.outbox=jdbc}) the event is a row committed with the shipment
 * and sent to the broker after commit, so a shipment is never recorded untold nor told unrecorded.
 * Returning acknowledges the command; a thrown exception with a retryable code redelivers it after
 * a backoff, any other failure sends it to its dead-letter queue.
 */
@Component
public class Shipping implements ${serviceName}CommandsHandler {

    private final ${serviceName}Events events;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;

    public Shipping(${serviceName}Events events, JdbcClient jdbc, TransactionTemplate transactions) {
        this.events = events;
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    @Override
    public void shipOrder(ShipOrder command) {
        String trackingNumber = "TRK-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        Instant shippedAt = Instant.now();
        transactions.executeWithoutResult(status -> {
            jdbc.sql("INSERT INTO shipments (order_id, tracking_number, address) VALUES (?, ?, ?)")
                    .params(command.orderId(), trackingNumber, command.address())
                    .update();
            // Inside the transaction this returns at once: the event commits (or rolls back) with the shipment.
            events.orderShipped(new OrderShipped(command.orderId(), trackingNumber, shippedAt)).join();
        });
    }
}
