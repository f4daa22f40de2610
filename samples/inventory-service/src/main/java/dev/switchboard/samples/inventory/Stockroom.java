package dev.switchboard.samples.inventory;

import dev.switchboard.runtime.ErrorCode;
import dev.switchboard.runtime.SwitchboardException;
import dev.switchboard.runtime.call.CallContext;
import dev.switchboard.runtime.security.Caller;
import dev.switchboard.samples.orders.Order;
import dev.switchboard.samples.orders.OrdersEventsHandler;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Reserves stock over gRPC and confirms a reservation when its {@code orderCreated} event arrives.
 * A reservation is keyed by its order, so the client may safely retry it. Products listed in
 * {@code inventory.flaky-products} fail each order's first attempt with UNAVAILABLE, as a busy
 * warehouse system would, to show the caller's retry.
 */
@Component
public class Stockroom implements InventoryService, OrdersEventsHandler {

    private record Product(long unitPriceCents, int units) {}

    private final Map<String, Product> products = new HashMap<>(Map.of(
            "blue-mug", new Product(1_250, 40),
            "red-kettle", new Product(3_999, 10),
            "green-teapot", new Product(2_450, 3)));
    private final Map<String, Reservation> reservations = new HashMap<>();
    private final Set<String> confirmed = ConcurrentHashMap.newKeySet();
    private final Map<String, String> reservedBy = new ConcurrentHashMap<>();
    private final Set<String> flakyProducts;
    private final Set<String> firstAttempts = ConcurrentHashMap.newKeySet();

    public Stockroom(@Value("${inventory.flaky-products:}") List<String> flakyProducts) {
        this.flakyProducts = Set.copyOf(flakyProducts);
    }

    @Override
    public synchronized Reservation reserveStock(ReserveStockRequest request) {
        Reservation earlier = reservations.get(request.orderId());
        if (earlier != null) {
            return earlier;
        }
        if (flakyProducts.contains(request.sku()) && firstAttempts.add(request.orderId())) {
            throw new SwitchboardException(ErrorCode.UNAVAILABLE, ErrorCode.UNAVAILABLE.name(),
                    "the warehouse system is busy, try again", Map.of());
        }
        Product product = products.get(request.sku());
        if (product == null) {
            throw new UnknownProductException(request.sku());
        }
        if (product.units() < request.quantity()) {
            throw new OutOfStockException(String.valueOf(product.units()), request.sku());
        }
        int remaining = product.units() - request.quantity();
        products.put(request.sku(), new Product(product.unitPriceCents(), remaining));
        Reservation reservation = new Reservation(request.orderId(), request.sku(), request.quantity(),
                product.unitPriceCents(), remaining);
        reservations.put(request.orderId(), reservation);
        reservedBy.put(request.orderId(), CallContext.current().flatMap(CallContext::caller).map(Caller::subject)
                .orElse(""));
        return reservation;
    }

    /** The order was accepted: its reservation is final. */
    @Override
    public void orderCreated(Order event) {
        confirmed.add(event.id());
    }

    /** Whether the reservation of {@code orderId} was confirmed by its event. */
    public boolean isConfirmed(String orderId) {
        return confirmed.contains(orderId);
    }

    /** The subject of the token that reserved the stock of {@code orderId}, or null if none did. */
    public String reservedBy(String orderId) {
        return reservedBy.get(orderId);
    }
}
