package com.example.orders.app;

import com.example.orders.CreateOrderRequest;
import com.example.orders.GetOrderRequest;
import com.example.orders.ImportSummary;
import com.example.orders.ListOrdersRequest;
import com.example.orders.Money;
import com.example.orders.Order;
import com.example.orders.OrderItem;
import com.example.orders.OrderLockedException;
import com.example.orders.OrderNotFoundException;
import com.example.orders.OrderPage;
import com.example.orders.OrderStatus;
import com.example.orders.OrderUpdate;
import com.example.orders.OrdersService;
import com.example.orders.OutOfStockException;
import com.example.orders.Scalars;
import com.example.orders.UpdateNoteRequest;
import com.example.orders.WatchOrdersRequest;
import dev.switchboard.runtime.stream.StreamSink;
import dev.switchboard.runtime.stream.StreamSource;
import dev.switchboard.runtime.validation.ConstraintCheck;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What a service author writes against the generated code: one plain class, whatever the transport. */
public final class InMemoryOrdersService implements OrdersService {

    static final int STOCK_PER_ITEM = 100;

    private final Map<String, Order> orders = new LinkedHashMap<>();
    private int nextId = 1;

    @Override
    public Order createOrder(CreateOrderRequest request) {
        BigDecimal total = BigDecimal.ZERO;
        for (OrderItem item : request.items()) {
            if (item.quantity() > STOCK_PER_ITEM) {
                throw new OutOfStockException(item.sku());
            }
            total = total.add(item.unitPrice().multiply(BigDecimal.valueOf(item.quantity())));
        }
        Order order = Order.builder()
                .id("o-" + nextId++)
                .customerId(request.customerId())
                .items(request.items())
                .total(new Money(total.movePointRight(2).longValueExact(), "EUR"))
                .status(OrderStatus.PENDING)
                .createdAt(Instant.parse("2024-05-01T10:15:30Z"))
                .note(request.note())
                .build();
        return store(order);
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
    public OrderPage listOrders(ListOrdersRequest request) {
        List<Order> page = orders.values().stream()
                .filter(order -> order.customerId().equals(request.customerId()))
                .filter(order -> request.status() == OrderStatus.UNSPECIFIED || order.status() == request.status())
                .limit(request.pageSize())
                .toList();
        return new OrderPage(page, null);
    }

    @Override
    public Order updateNote(UpdateNoteRequest request) {
        Order order = getOrder(new GetOrderRequest(request.id()));
        if (order.status() == OrderStatus.CANCELLED) {
            throw new OrderLockedException();
        }
        return store(order.toBuilder().note(request.note()).build());
    }

    @Override
    public Order cancelOrder(GetOrderRequest request) {
        return store(getOrder(request).toBuilder().status(OrderStatus.CANCELLED).build());
    }

    @Override
    public void watchOrders(WatchOrdersRequest request, StreamSink<Order> responses) {
        for (Order order : orders.values()) {
            if (responses.isCancelled()) {
                return;
            }
            if (order.customerId().equals(request.customerId())) {
                responses.send(order);
            }
        }
    }

    @Override
    public ImportSummary importOrders(StreamSource<CreateOrderRequest> requests) {
        int imported = 0;
        int rejected = 0;
        for (CreateOrderRequest request : requests) {
            if (ConstraintCheck.violationsOf(request).isEmpty()) {
                createOrder(request);
                imported++;
            } else {
                rejected++;
            }
        }
        return new ImportSummary(imported, rejected);
    }

    @Override
    public void trackOrders(StreamSource<GetOrderRequest> requests, StreamSink<OrderUpdate> responses) {
        for (GetOrderRequest request : requests) {
            Order order = orders.get(request.id());
            responses.send(new OrderUpdate(request.id(), order == null ? OrderStatus.UNSPECIFIED : order.status()));
        }
    }

    @Override
    public Scalars echoScalars(Scalars request) {
        return request;
    }

    private Order store(Order order) {
        orders.put(order.id(), order);
        return order;
    }
}
