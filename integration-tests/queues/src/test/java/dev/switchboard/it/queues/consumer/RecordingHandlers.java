package dev.switchboard.it.queues.consumer;

import dev.switchboard.it.queues.orders.OrderAudit;
import dev.switchboard.it.queues.orders.OrderPlaced;
import dev.switchboard.it.queues.orders.OrderStep;
import dev.switchboard.it.queues.orders.OrdersCommandsHandler;
import dev.switchboard.it.queues.orders.OrdersEventsHandler;
import dev.switchboard.it.queues.orders.ReserveStock;
import dev.switchboard.runtime.ErrorCode;
import dev.switchboard.runtime.SwitchboardException;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Handles what the tests publish and remembers it: how often each order was handled and tried,
 * by which instance, in which trace. The {@code behaviour} field scripts failures:
 * {@code retry-twice} fails twice with UNAVAILABLE, {@code reject} fails with FAILED_PRECONDITION
 * (not retryable), {@code always-fail} fails with UNAVAILABLE every time.
 */
public class RecordingHandlers implements OrdersEventsHandler, OrdersCommandsHandler {

    private final Tracer tracer;
    private final String service;
    private final String instance;
    private final Map<String, AtomicInteger> handled = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> tries = new ConcurrentHashMap<>();
    private final Map<String, String> traces = new ConcurrentHashMap<>();
    private final Queue<Integer> batchSizes = new ConcurrentLinkedQueue<>();

    public RecordingHandlers(Tracer tracer, String service, String instance) {
        this.tracer = tracer;
        this.service = service;
        this.instance = instance;
    }

    /**
     * Records each step in the shared {@link StepLog}; a step marked {@code failOnce} fails its first try,
     * once another order has gone past it.
     */
    @Override
    public void orderStepped(OrderStep step) {
        step(service, step);
    }

    /** Commands: every consuming service of the JVM shares the queue, so their steps are logged together. */
    @Override
    public void stepOrder(OrderStep step) {
        step(COMMANDS, step);
    }

    /** The {@link StepLog} name of the ordered commands' consumers. */
    public static final String COMMANDS = "commands";

    private void step(String log, OrderStep step) {
        boolean firstTry = tries.computeIfAbsent(step.orderId() + "#" + step.sequence(), id -> new AtomicInteger())
                .incrementAndGet() == 1;
        if (step.failOnce() && firstTry) {
            // Fails only once another order went past this step: its key holds back no other key.
            try {
                StepLog.awaitAnotherOrderPast(log, step.orderId(), step.sequence());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            StepLog.record(log, step.orderId(), step.sequence(), true, instance);
            throw new SwitchboardException(ErrorCode.UNAVAILABLE, "UNAVAILABLE", "scripted outage of step "
                    + step.sequence(), Map.of());
        }
        StepLog.record(log, step.orderId(), step.sequence(), false, instance);
    }

    @Override
    public void orderPlaced(OrderPlaced event) {
        int attempt = tries.computeIfAbsent(event.orderId(), id -> new AtomicInteger()).incrementAndGet();
        Span span = tracer.currentSpan();
        if (span != null) {
            traces.put(event.orderId(), span.context().traceId());
        }
        String behaviour = event.behaviour() == null ? "" : event.behaviour();
        switch (behaviour) {
            case "retry-twice" -> {
                if (attempt <= 2) {
                    throw new SwitchboardException(ErrorCode.UNAVAILABLE, "UNAVAILABLE", "scripted outage " + attempt, Map.of());
                }
            }
            case "reject" -> throw new SwitchboardException(ErrorCode.FAILED_PRECONDITION, "OutOfStock",
                    "no stock for " + event.sku(), Map.of("sku", event.sku()));
            case "always-fail" -> throw new SwitchboardException(ErrorCode.UNAVAILABLE, "UNAVAILABLE",
                    "scripted outage " + attempt, Map.of());
            default -> { }
        }
        handled.computeIfAbsent(event.orderId(), id -> new AtomicInteger()).incrementAndGet();
    }

    /** Records each batch's size and each entry; a batch holding a {@code poison} note fails as a whole. */
    @Override
    public void orderAudited(List<OrderAudit> events) {
        batchSizes.add(events.size());
        if (events.stream().anyMatch(event -> event.note().equals("poison"))) {
            throw new SwitchboardException(ErrorCode.FAILED_PRECONDITION, "Unauditable", "a poisoned audit entry",
                    Map.of());
        }
        events.forEach(event -> handled.computeIfAbsent(event.orderId(), id -> new AtomicInteger()).incrementAndGet());
    }

    /** The sizes of the audit batches the handler was given, failed ones included. */
    public List<Integer> auditBatchSizes() {
        return List.copyOf(batchSizes);
    }

    @Override
    public void reserveStock(ReserveStock command) {
        handled.computeIfAbsent(command.orderId(), id -> new AtomicInteger()).incrementAndGet();
    }

    /** How many times the handler completed for {@code orderId}. */
    public int handled(String orderId) {
        AtomicInteger count = handled.get(orderId);
        return count == null ? 0 : count.get();
    }

    /** How many times the handler was called for {@code orderId}, failures included. */
    public int tries(String orderId) {
        AtomicInteger count = tries.get(orderId);
        return count == null ? 0 : count.get();
    }

    public String traceId(String orderId) {
        return traces.get(orderId);
    }

    public String instance() {
        return instance;
    }
}
