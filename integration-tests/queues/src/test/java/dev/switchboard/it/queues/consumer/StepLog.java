package dev.switchboard.it.queues.consumer;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What every consumer instance of the JVM handled of the ordered {@code orderStepped} events, per
 * consuming service and order, in the order the handlers ran: the instances of one service are
 * separate Spring applications, and order per key is a property of them all together.
 */
public final class StepLog {

    /** One handler call: the step, whether it failed, and its place among all calls of the JVM. */
    public record Step(int sequence, boolean failed, long tick, String instance) {}

    private static final AtomicLong TICKS = new AtomicLong();
    private static final Map<String, List<Step>> STEPS = new ConcurrentHashMap<>();

    private StepLog() {}

    static void record(String service, String orderId, int sequence, boolean failed, String instance) {
        List<Step> steps = STEPS.computeIfAbsent(service + "/" + orderId, key -> new ArrayList<>());
        synchronized (steps) {
            steps.add(new Step(sequence, failed, TICKS.incrementAndGet(), instance));
        }
    }

    /** The calls of {@code service}'s handlers for {@code orderId}, in the order they ran. */
    public static List<Step> steps(String service, String orderId) {
        List<Step> steps = STEPS.getOrDefault(service + "/" + orderId, List.of());
        synchronized (steps) {
            return List.copyOf(steps);
        }
    }
}
