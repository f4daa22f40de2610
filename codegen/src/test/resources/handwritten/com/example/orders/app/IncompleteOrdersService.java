package com.example.orders.app;

import com.example.orders.CreateOrderRequest;
import com.example.orders.GetOrderRequest;
import com.example.orders.ImportSummary;
import com.example.orders.ListOrdersRequest;
import com.example.orders.Order;
import com.example.orders.OrderPage;
import com.example.orders.OrdersService;
import com.example.orders.Scalars;
import com.example.orders.UpdateNoteRequest;
import com.example.orders.WatchOrdersRequest;
import dev.switchboard.runtime.stream.StreamSink;
import dev.switchboard.runtime.stream.StreamSource;

/** Implements every operation but trackOrders: the build must fail, not the first call at runtime. */
public final class IncompleteOrdersService implements OrdersService {

    @Override
    public Order createOrder(CreateOrderRequest request) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Order getOrder(GetOrderRequest request) {
        throw new UnsupportedOperationException();
    }

    @Override
    public OrderPage listOrders(ListOrdersRequest request) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Order updateNote(UpdateNoteRequest request) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Order cancelOrder(GetOrderRequest request) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void watchOrders(WatchOrdersRequest request, StreamSink<Order> responses) {
        throw new UnsupportedOperationException();
    }

    @Override
    public ImportSummary importOrders(StreamSource<CreateOrderRequest> requests) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Scalars echoScalars(Scalars request) {
        throw new UnsupportedOperationException();
    }
}
