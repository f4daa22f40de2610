package dev.switchboard.samples.orders;

import dev.switchboard.runtime.ErrorCode;
import dev.switchboard.runtime.SwitchboardException;
import dev.switchboard.runtime.stream.StreamSink;
import dev.switchboard.samples.inventory.InventoryClient;
import dev.switchboard.samples.inventory.Reservation;
import dev.switchboard.samples.inventory.ReserveStockRequest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Places orders: stock is reserved with inventory over gRPC first (the generated client brings the
 * deadline, retries and circuit breaker), then the order is saved and {@code orderCreated} published
 * in one database transaction. With the transactional outbox ({@code switchboard.messaging.outbox=jdbc})
 * the event is a row committed with the order and sent to the broker after commit: no accepted order
 * goes untold, and no event tells of an order that was not saved.
 */
@Component
public class OrderDesk implements OrdersService {

    private final InventoryClient inventory;
    private final OrdersEvents events;
    private final OrderBook book;
    private final TransactionTemplate transactions;
    private final List<BlockingQueue<Order>> watchers = new CopyOnWriteArrayList<>();

    public OrderDesk(InventoryClient inventory, OrdersEvents events, OrderBook book, TransactionTemplate transactions) {
        this.inventory = inventory;
        this.events = events;
        this.book = book;
        this.transactions = transactions;
    }

    @Override
    public Order placeOrder(PlaceOrderRequest request) {
        String id = "o-" + UUID.randomUUID().toString().substring(0, 8);
        Reservation reservation = reserve(new ReserveStockRequest(id, request.sku(), request.quantity()));
        Order order = new Order(id, request.customerId(), request.sku(), request.quantity(),
                reservation.unitPriceCents() * request.quantity(), Instant.now().truncatedTo(ChronoUnit.MILLIS));
        saveAndAnnounce(order);
        watchers.forEach(watcher -> watcher.add(order));
        return order;
    }

    /**
     * Saves the order and publishes {@code orderCreated} in one transaction: both commit or neither.
     * The gRPC call above stays outside it, so no database transaction waits on another service.
     */
    private void saveAndAnnounce(Order order) {
        try {
            transactions.executeWithoutResult(status -> {
                book.save(order);
                // Joining returns at once inside the transaction: the event's fate is the commit's.
                events.orderCreated(order).join();
            });
        } catch (DataAccessException | TransactionException notSaved) {
            // The stock stays reserved: a real shop would release it here, or let it expire.
            throw new SwitchboardException(ErrorCode.UNAVAILABLE, ErrorCode.UNAVAILABLE.name(),
                    "order " + order.id() + " could not be saved: " + notSaved.getMessage(), Map.of());
        }
    }

    /** Inventory's errors, told in this service's own terms. */
    private Reservation reserve(ReserveStockRequest request) {
        try {
            return inventory.reserveStock(request);
        } catch (dev.switchboard.samples.inventory.OutOfStockException shortage) {
            throw new OutOfStockException(shortage.details().get("available"), shortage.details().get("sku"));
        } catch (SwitchboardException failure) {
            if (failure.code() == ErrorCode.UNAVAILABLE || failure.code() == ErrorCode.DEADLINE_EXCEEDED) {
                throw new InventoryUnavailableException(failure.getMessage());
            }
            throw failure;
        }
    }

    @Override
    public Order getOrder(GetOrderRequest request) {
        return book.find(request.id()).orElseThrow(() -> new OrderNotFoundException(request.id()));
    }

    @Override
    public void watchOrders(WatchOrdersRequest request, StreamSink<Order> responses) {
        BlockingQueue<Order> placed = new LinkedBlockingQueue<>();
        watchers.add(placed);
        try {
            Set<String> sent = new HashSet<>();
            for (Order order : book.ofCustomer(request.customerId())) {
                if (!send(request, order, responses, sent)) {
                    return;
                }
            }
            while (!responses.isCancelled()) {
                Order order = placed.poll(100, TimeUnit.MILLISECONDS);
                if (order != null && !send(request, order, responses, sent)) {
                    return;
                }
            }
        } catch (InterruptedException stopped) {
            Thread.currentThread().interrupt();
        } finally {
            watchers.remove(placed);
        }
    }

    /** Sends the customer's orders once each; false once the limit is reached. */
    private static boolean send(WatchOrdersRequest request, Order order, StreamSink<Order> responses, Set<String> sent) {
        if (order.customerId().equals(request.customerId()) && sent.add(order.id())) {
            responses.send(order);
        }
        return request.limit() == 0 || sent.size() < request.limit();
    }
}
