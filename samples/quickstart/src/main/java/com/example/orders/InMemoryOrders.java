package com.example.orders;

import dev.switchboard.runtime.stream.StreamSink;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The hand-written side of a Switchboard service: it implements the generated {@link OrdersService}
 * over the generated records. Everything else in this module is generated from the contract.
 */
public class InMemoryOrders implements OrdersService {

    private final Map<String, Order> orders = new ConcurrentHashMap<>();

    @Override
    public Order createOrder(CreateOrderRequest request) {
        long units = request.items().stream().mapToLong(OrderItem::quantity).sum() * 100;
        Order order = Order.builder()
                .id(UUID.randomUUID().toString())
                .customerId(request.customerId())
                .items(request.items())
                .total(new Money(units, "EUR"))
                .status(OrderStatus.PENDING)
                .createdAt(Instant.now())
                .build();
        orders.put(order.id(), order);
        return order;
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
        orders.values().stream()
                .filter(order -> order.customerId().equals(request.customerId()))
                .forEach(responses::send);
    }
}
