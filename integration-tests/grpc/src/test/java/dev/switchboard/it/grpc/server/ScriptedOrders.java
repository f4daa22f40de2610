package dev.switchboard.it.grpc.server;

import dev.switchboard.it.grpc.orders.CreateOrderRequest;
import dev.switchboard.it.grpc.orders.GetOrderRequest;
import dev.switchboard.it.grpc.orders.ImportSummary;
import dev.switchboard.it.grpc.orders.ListOrdersRequest;
import dev.switchboard.it.grpc.orders.Order;
import dev.switchboard.it.grpc.orders.OrderLockedException;
import dev.switchboard.it.grpc.orders.OrderNotFoundException;
import dev.switchboard.it.grpc.orders.OrderPage;
import dev.switchboard.it.grpc.orders.OrderStatus;
import dev.switchboard.it.grpc.orders.OrdersService;
import dev.switchboard.it.grpc.orders.OutOfStockException;
import dev.switchboard.it.grpc.orders.UpdateNoteRequest;
import dev.switchboard.it.grpc.orders.WatchOrdersRequest;
import dev.switchboard.runtime.ErrorCode;
import dev.switchboard.runtime.SwitchboardException;
import dev.switchboard.runtime.call.CallContext;
import dev.switchboard.runtime.call.Deadline;
import dev.switchboard.runtime.stream.StreamSink;
import dev.switchboard.runtime.stream.StreamSource;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The service the tests run behind the generated gRPC service: an in-memory order book whose
 * failures the tests script (fail the next N calls with a code, answer slowly), and which counts
 * what reached it, so a test can tell a retry from a fast failure.
 */
public class ScriptedOrders implements OrdersService {

    private final ConcurrentMap<String, Order> orders = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, AtomicInteger> calls = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong();
    private final AtomicInteger failuresLeft = new AtomicInteger();
    private final AtomicReference<ErrorCode> failWith = new AtomicReference<>(ErrorCode.UNAVAILABLE);
    private final AtomicReference<Duration> delay = new AtomicReference<>(Duration.ZERO);
    private final AtomicReference<Optional<Deadline>> lastDeadline = new AtomicReference<>(Optional.empty());
    private final AtomicReference<String> lastTraceId = new AtomicReference<>();
    private final ConcurrentMap<String, Thread> lastThreads = new ConcurrentHashMap<>();
    private final Tracer tracer;
    private volatile CountDownLatch streamsCancelled = new CountDownLatch(1);

    public ScriptedOrders(Tracer tracer) {
        this.tracer = tracer;
    }

    /** The next {@code count} calls of any operation fail with {@code code}. */
    public void failNext(int count, ErrorCode code) {
        failWith.set(code);
        failuresLeft.set(count);
    }

    /** Every call waits this long before it answers. */
    public void answerAfter(Duration wait) {
        delay.set(wait);
    }

    public int calls(String operation) {
        return calls.computeIfAbsent(operation, o -> new AtomicInteger()).get();
    }

    /** The deadline the last call saw in its call context. */
    public Optional<Deadline> lastDeadline() {
        return lastDeadline.get();
    }

    /** The trace id the last call ran in. */
    public String lastTraceId() {
        return lastTraceId.get();
    }

    /** The thread the last call of {@code operation} ran its handler on. */
    public Thread lastThread(String operation) {
        return lastThreads.get(operation);
    }

    public void reset() {
        orders.clear();
        calls.clear();
        failuresLeft.set(0);
        delay.set(Duration.ZERO);
        lastDeadline.set(Optional.empty());
        streamsCancelled = new CountDownLatch(1);
    }

    @Override
    public Order createOrder(CreateOrderRequest request) {
        enter("createOrder");
        request.items().stream().filter(item -> item.sku().startsWith("gone-")).findFirst().ifPresent(item -> {
            throw new OutOfStockException(item.sku());
        });
        Order order = Order.builder()
                .id("o-" + ids.incrementAndGet())
                .customerId(request.customerId())
                .items(request.items())
                .status(OrderStatus.PENDING)
                .createdAt(Instant.parse("2026-11-24T10:15:30Z"))
                .note(request.note())
                .build();
        orders.put(order.id(), order);
        return order;
    }

    @Override
    public Order getOrder(GetOrderRequest request) {
        enter("getOrder");
        return find(request.id());
    }

    @Override
    public OrderPage listOrders(ListOrdersRequest request) {
        enter("listOrders");
        List<Order> page = orders.values().stream()
                .filter(order -> order.customerId().equals(request.customerId()))
                .filter(order -> request.status() == OrderStatus.UNSPECIFIED || order.status() == request.status())
                .filter(order -> order.tags().containsAll(request.tags()))
                .sorted((a, b) -> a.id().compareTo(b.id()))
                .limit(request.pageSize() == 0 ? 100 : request.pageSize())
                .toList();
        return new OrderPage(page, request.pageToken() == null ? null : request.pageToken() + "+");
    }

    @Override
    public Order updateNote(UpdateNoteRequest request) {
        enter("updateNote");
        Order order = find(request.id());
        if (order.status() == OrderStatus.CANCELLED) {
            throw new OrderLockedException();
        }
        Order updated = order.toBuilder().note(request.note()).build();
        orders.put(updated.id(), updated);
        return updated;
    }

    @Override
    public Order cancelOrder(GetOrderRequest request) {
        enter("cancelOrder");
        Order cancelled = find(request.id()).toBuilder().status(OrderStatus.CANCELLED).build();
        orders.put(cancelled.id(), cancelled);
        return cancelled;
    }

    /** Sends {@code limit} orders, or with limit 0 one every 10 ms until the client cancels. */
    @Override
    public void watchOrders(WatchOrdersRequest request, StreamSink<Order> responses) {
        enter("watchOrders");
        boolean forever = request.limit() == 0;
        for (int i = 1; (forever || i <= request.limit()) && !responses.isCancelled(); i++) {
            try {
                responses.send(Order.builder()
                        .id("w-" + i)
                        .customerId(request.customerId())
                        .status(OrderStatus.CONFIRMED)
                        .tags(List.of("seq-" + i))
                        .build());
            } catch (SwitchboardException gone) {
                break;
            }
            if (forever) {
                pause(Duration.ofMillis(10));
            }
        }
        if (responses.isCancelled()) {
            streamsCancelled.countDown();
        }
    }

    /** Answers each id asked for with the order's current state, as the ids arrive. */
    @Override
    public void trackOrders(StreamSource<GetOrderRequest> requests, StreamSink<Order> responses) {
        enter("trackOrders");
        for (GetOrderRequest request : requests) {
            responses.send(find(request.id()));
        }
    }

    /** Counts down each time a streaming handler sees its client cancel. */
    public boolean awaitStreamCancelled(Duration timeout) throws InterruptedException {
        return streamsCancelled.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public ImportSummary importOrders(StreamSource<CreateOrderRequest> requests) {
        enter("importOrders");
        List<Order> imported = new ArrayList<>();
        requests.forEach(request -> imported.add(createOrder(request)));
        return new ImportSummary(imported.size());
    }

    private Order find(String id) {
        Order order = orders.get(id);
        if (order == null) {
            throw new OrderNotFoundException(id);
        }
        return order;
    }

    private void enter(String operation) {
        calls.computeIfAbsent(operation, o -> new AtomicInteger()).incrementAndGet();
        lastThreads.put(operation, Thread.currentThread());
        lastDeadline.set(CallContext.currentDeadline());
        Span span = tracer.currentSpan();
        lastTraceId.set(span == null ? null : span.context().traceId());
        // Decide the scripted failure on entry: a slow call still sleeping when a later test scripts
        // failures must not take one of them.
        boolean fail = failuresLeft.getAndUpdate(left -> Math.max(0, left - 1)) > 0;
        ErrorCode code = failWith.get();
        Duration wait = delay.get();
        if (!wait.isZero()) {
            pause(wait);
        }
        if (fail) {
            throw new SwitchboardException(code, code.name(), "scripted failure", Map.of());
        }
    }

    private static void pause(Duration wait) {
        try {
            Thread.sleep(wait.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
