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

    /**
     * Waits (up to 10 s) until a handler of {@code service} finished a step after {@code sequence} of
     * another order of the same batch (the orders of one test share the id up to its last {@code -}):
     * that order is not held back by this one.
     */
    static void awaitAnotherOrderPast(String service, String orderId, int sequence) throws InterruptedException {
        String batch = service + "/" + orderId.substring(0, orderId.lastIndexOf('-') + 1);
        long giveUp = System.nanoTime() + 10_000_000_000L;
        while (System.nanoTime() < giveUp) {
            boolean passed = STEPS.entrySet().stream()
                    .filter(entry -> entry.getKey().startsWith(batch)
                            && !entry.getKey().equals(service + "/" + orderId))
                    .anyMatch(entry -> steps(entry.getValue()).stream()
                            .anyMatch(step -> !step.failed() && step.sequence() > sequence));
            if (passed) {
                return;
            }
            Thread.sleep(10);
        }
    }

    /** The calls of {@code service}'s handlers for {@code orderId}, in the order they ran. */
    public static List<Step> steps(String service, String orderId) {
        return steps(STEPS.getOrDefault(service + "/" + orderId, List.of()));
    }

    private static List<Step> steps(List<Step> steps) {
        synchronized (steps) {
            return List.copyOf(steps);
        }
    }
}
