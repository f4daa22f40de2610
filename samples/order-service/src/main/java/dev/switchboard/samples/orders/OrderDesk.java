package dev.switchboard.samples.orders;

import dev.switchboard.runtime.ErrorCode;
import dev.switchboard.runtime.SwitchboardException;
import dev.switchboard.runtime.stream.StreamSink;
import dev.switchboard.samples.inventory.InventoryClient;
import dev.switchboard.samples.inventory.Reservation;
import dev.switchboard.samples.inventory.ReserveStockRequest;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.springframework.stereotype.Component;

/**
 * Places orders: stock is reserved with inventory over gRPC first (the generated client brings the
 * deadline, retries and circuit breaker), then the order is kept and {@code orderCreated} published.
 * An order is answered only once the broker has confirmed its event, so no accepted order goes
 * untold.
 */
@Component
public class OrderDesk implements OrdersService {

    private final InventoryClient inventory;
    private final OrdersEvents events;
    private final Map<String, Order> orders = new ConcurrentHashMap<>();
    private final List<BlockingQueue<Order>> watchers = new CopyOnWriteArrayList<>();

    public OrderDesk(InventoryClient inventory, OrdersEvents events) {
        this.inventory = inventory;
        this.events = events;
    }

    @Override
    public Order placeOrder(PlaceOrderRequest request) {
        String id = "o-" + UUID.randomUUID().toString().substring(0, 8);
        Reservation reservation = reserve(new ReserveStockRequest(id, request.sku(), request.quantity()));
        Order order = new Order(id, request.customerId(), request.sku(), request.quantity(),
                reservation.unitPriceCents() * request.quantity(), Instant.now());
        announce(order);
        orders.put(id, order);
        watchers.forEach(watcher -> watcher.add(order));
        return order;
    }

    /** Publishes {@code orderCreated} and waits for the broker's confirmation. */
    private void announce(Order order) {
        try {
            events.orderCreated(order).join();
        } catch (CompletionException unconfirmed) {
            // The stock stays reserved: a real shop would release it here, or let it expire.
            throw new SwitchboardException(ErrorCode.UNAVAILABLE, ErrorCode.UNAVAILABLE.name(),
                    "order " + order.id() + " could not be announced: " + unconfirmed.getCause().getMessage(), Map.of());
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
        Order order = orders.get(request.id());
        if (order == null) {
            throw new OrderNotFoundException(request.id());
        }
        return order;
    }

    @Override
    public void watchOrders(WatchOrdersRequest request, StreamSink<Order> responses) {
        BlockingQueue<Order> placed = new LinkedBlockingQueue<>();
        watchers.add(placed);
        try {
            Set<String> sent = new HashSet<>();
            List<Order> earlier = orders.values().stream()
                    .sorted(Comparator.comparing(Order::placedAt))
                    .toList();
            for (Order order : earlier) {
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
