package dev.switchboard.it.faults;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The callers of a scenario: orders posted at a steady rate, round robin over the target instances,
 * each with its own id as the {@code Idempotency-Key}, never retried, every answer sorted: 2xx
 * confirmed, 503 refused, 500 a failure of the suite, anything else (a refused connection while an
 * instance is down, a reset, a timeout, another status) not confirmed.
 */
final class OrderLoad {

    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(15);

    private final String prefix;
    private final List<URI> targets;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();
    private final ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor();
    private final List<CompletableFuture<?>> answers = new ArrayList<>();
    private final AtomicInteger sent = new AtomicInteger();
    private final Set<String> confirmed = ConcurrentHashMap.newKeySet();
    private final AtomicInteger refused = new AtomicInteger();
    private final Map<String, String> failed = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> unconfirmed = new ConcurrentHashMap<>();

    private OrderLoad(String prefix, List<URI> targets) {
        this.prefix = prefix;
        this.targets = targets;
    }

    /** Starts posting {@code perSecond} orders a second with ids {@code <prefix>-<n>}. */
    static OrderLoad start(String prefix, List<URI> targets, int perSecond) {
        OrderLoad load = new OrderLoad(prefix, targets);
        load.clock.scheduleAtFixedRate(load::post, 0, 1_000_000 / perSecond, TimeUnit.MICROSECONDS);
        return load;
    }

    private void post() {
        int n = sent.getAndIncrement();
        String orderId = prefix + "-" + n;
        HttpRequest request = HttpRequest.newBuilder(targets.get(n % targets.size())).timeout(REQUEST_TIMEOUT)
                .header("Content-Type", "application/json").header("Idempotency-Key", orderId)
                .POST(HttpRequest.BodyPublishers.ofString("{\"orderId\":\"" + orderId + "\",\"sku\":\"apple\"}"))
                .build();
        CompletableFuture<?> answer = http.sendAsync(request, HttpResponse.BodyHandlers.ofString())
                .whenComplete((response, error) -> record(orderId, response, error));
        synchronized (answers) {
            answers.add(answer);
        }
    }

    private void record(String orderId, HttpResponse<String> response, Throwable error) {
        if (error != null) {
            Throwable cause = error.getCause() == null ? error : error.getCause();
            unconfirmed.computeIfAbsent(cause.getClass().getSimpleName(), k -> new AtomicInteger()).incrementAndGet();
        } else if (response.statusCode() / 100 == 2) {
            confirmed.add(orderId);
        } else if (response.statusCode() == 503) {
            refused.incrementAndGet();
        } else if (response.statusCode() == 500) {
            failed.put(orderId, response.body());
        } else {
            unconfirmed.computeIfAbsent("HTTP " + response.statusCode(), k -> new AtomicInteger()).incrementAndGet();
        }
    }

    /** Stops sending and waits for every answer (each bounded by the request timeout). */
    Tally stop() {
        clock.shutdownNow();
        try {
            clock.awaitTermination(5, TimeUnit.SECONDS);
            CompletableFuture<?>[] pending;
            synchronized (answers) {
                pending = answers.toArray(CompletableFuture[]::new);
            }
            CompletableFuture.allOf(pending).handle((ignored, error) -> null)
                    .get(REQUEST_TIMEOUT.plusSeconds(5).toSeconds(), TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("the load's answers did not all arrive", e);
        }
        Map<String, Integer> reasons = new TreeMap<>();
        unconfirmed.forEach((reason, count) -> reasons.put(reason, count.get()));
        return new Tally(sent.get(), Set.copyOf(confirmed), refused.get(), Map.copyOf(failed), reasons);
    }

    /**
     * What the callers saw.
     *
     * @param failed the 500 answers by order id, their bodies
     * @param unconfirmed answers neither 2xx, 503 nor 500, counted by exception or status
     */
    record Tally(int sent, Set<String> confirmed, int refused, Map<String, String> failed,
            Map<String, Integer> unconfirmed) {

        int unconfirmedCount() {
            return unconfirmed.values().stream().mapToInt(Integer::intValue).sum();
        }
    }
}
