package dev.switchboard.it.faults.app;

import dev.switchboard.it.faults.shop.OrderAccepted;
import dev.switchboard.it.faults.shop.OrderPlaced;
import dev.switchboard.it.faults.shop.PlaceOrder;
import dev.switchboard.it.faults.shop.ShopEvents;
import dev.switchboard.it.faults.shop.ShopService;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Places an order the way an application would: the business row and the events' publishes in one
 * transaction, the answer only once the publish is confirmed. The row has no unique key, so an
 * order that ran twice shows as two rows.
 */
final class PlaceOrders implements ShopService {

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final ShopEvents events;
    private final String instance;

    PlaceOrders(JdbcTemplate jdbc, TransactionTemplate transactions, ShopEvents events, String instance) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.events = events;
        this.instance = instance;
    }

    @Override
    public OrderAccepted placeOrder(PlaceOrder request) {
        CompletableFuture<Void> published = transactions.execute(status -> {
            jdbc.update("INSERT INTO orders (order_id, sku, accepted_by) VALUES (?, ?, ?)",
                    request.orderId(), request.sku(), instance);
            OrderPlaced placed = new OrderPlaced(request.orderId(), request.sku());
            return CompletableFuture.allOf(events.orderPlaced(placed), events.orderAudited(placed));
        });
        awaitConfirm(published);
        return new OrderAccepted(request.orderId(), instance);
    }

    /** Waits outside the transaction: with an outbox the future completes at its commit. */
    private static void awaitConfirm(CompletableFuture<Void> published) {
        try {
            published.join();
        } catch (CompletionException e) {
            // The publish's own failure (a SwitchboardException) is what the REST adapter maps.
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }
}
