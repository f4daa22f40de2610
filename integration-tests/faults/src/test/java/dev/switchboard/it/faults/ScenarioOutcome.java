package dev.switchboard.it.faults;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a scenario came to, counted in the database once delivery settled. An order is expected
 * downstream when its caller got a 2xx or its row committed; it must have exactly one effect.
 *
 * @param lost expected orders without an effect
 * @param duplicates orders with more than one effect
 * @param phantoms effects of orders whose row never committed (a publish the rollback did not take back)
 */
record ScenarioOutcome(String broker, String scenario, OrderLoad.Tally callers, int committed, int effects,
        List<String> lost, List<String> duplicates, List<String> phantoms, Duration took) {

    /** Compares the callers' answers and the committed rows with the effects counted per order. */
    static ScenarioOutcome of(String broker, String scenario, OrderLoad.Tally callers, Map<String, Integer> orders,
            Map<String, Integer> effects, Duration took) {
        Set<String> expected = new HashSet<>(callers.confirmed());
        expected.addAll(orders.keySet());
        List<String> lost = expected.stream().filter(id -> !effects.containsKey(id)).sorted().toList();
        List<String> duplicates = effects.entrySet().stream().filter(e -> e.getValue() > 1)
                .map(e -> e.getKey() + " x" + e.getValue()).sorted().toList();
        List<String> phantoms = effects.keySet().stream().filter(id -> !expected.contains(id)).sorted().toList();
        int total = effects.values().stream().mapToInt(Integer::intValue).sum();
        return new ScenarioOutcome(broker, scenario, callers, orders.size(), total, lost, duplicates, phantoms, took);
    }

    /** The one line the documentation quotes. */
    String summary() {
        return String.format("%-8s %-15s sent=%d confirmed=%d 503=%d 500=%d unconfirmed=%d%s committed=%d effects=%d"
                        + " lost=%d duplicates=%d phantoms=%d time=%.1fs",
                broker, scenario, callers.sent(), callers.confirmed().size(), callers.refused(),
                callers.failed().size(), callers.unconfirmedCount(), callers.unconfirmed().isEmpty() ? ""
                        : callers.unconfirmed().toString(), committed, effects, lost.size(), duplicates.size(),
                phantoms.size(), took.toMillis() / 1000.0);
    }
}
