package dev.switchboard.it.faults.app;

import dev.switchboard.it.faults.shop.OrderPlaced;
import dev.switchboard.it.faults.shop.ShopEventsHandler;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The downstream effects of an order: one row in {@code effects}, written one order at a time, and
 * one in {@code audits}, written a batch of orders at a time; neither has a unique key, so a handler
 * that ran twice for one order shows as two rows. Its transaction joins the one the
 * transactional inbox opens around the handler (with its claim of the CloudEvent id). The
 * optional sleep, half before and half after the insert, widens the window a kill lands in.
 */
final class RecordEffects implements ShopEventsHandler {

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final String instance;
    private final long sleepMillis;

    RecordEffects(JdbcTemplate jdbc, TransactionTemplate transactions, String instance, long sleepMillis) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.instance = instance;
        this.sleepMillis = sleepMillis;
    }

    @Override
    public void orderPlaced(OrderPlaced event) {
        transactions.executeWithoutResult(status -> {
            pause();
            jdbc.update("INSERT INTO effects (order_id, handled_by) VALUES (?, ?)", event.orderId(), instance);
            pause();
        });
    }

    /** The batch's audit rows with one batched insert, in the inbox's transaction of the batch. */
    @Override
    public void orderAudited(List<OrderPlaced> events) {
        transactions.executeWithoutResult(status -> {
            pause();
            jdbc.batchUpdate("INSERT INTO audits (order_id, handled_by) VALUES (?, ?)",
                    events.stream().map(event -> new Object[] {event.orderId(), instance}).toList());
            pause();
        });
    }

    private void pause() {
        if (sleepMillis <= 0) {
            return;
        }
        try {
            Thread.sleep(sleepMillis / 2);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while handling", e);
        }
    }
}
