package dev.switchboard.runtime.resilience;

import dev.switchboard.runtime.policy.Backoff;
import dev.switchboard.runtime.policy.CircuitBreakerSettings;
import dev.switchboard.runtime.policy.OperationDescriptor;
import dev.switchboard.runtime.policy.PolicySettings;
import dev.switchboard.runtime.policy.RateLimitSettings;
import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;

/**
 * The one place resilience policies are applied, by every transport alike. Builds one
 * {@link ClientPolicy} and one {@link ServerPolicy} per operation from the contract's values,
 * the configured overrides and the runtime defaults, on Resilience4j's core modules. Retry
 * budgets are shared by all operations of one downstream service.
 */
public final class PolicyEngine {

    private final PolicyOverrides overrides;
    private final DefaultClientPolicy.Sleeper sleeper;
    private final DoubleSupplier random;
    private final Map<String, ClientPolicy> clients = new ConcurrentHashMap<>();
    private final Map<String, ServerPolicy> servers = new ConcurrentHashMap<>();
    private final Map<String, RetryBudget> budgets = new ConcurrentHashMap<>();

    public PolicyEngine(PolicyOverrides overrides) {
        this(overrides, DefaultClientPolicy.Sleeper.THREAD, () -> ThreadLocalRandom.current().nextDouble());
    }

    PolicyEngine(PolicyOverrides overrides, DefaultClientPolicy.Sleeper sleeper, DoubleSupplier random) {
        this.overrides = overrides;
        this.sleeper = sleeper;
        this.random = random;
    }

    /** The contract's values, then the overrides, then the defaults. */
    public PolicySettings settings(OperationDescriptor operation) {
        return operation.policy()
                .overriddenBy(overrides.forOperation(operation.service(), operation.name()))
                .withDefaults();
    }

    public ClientPolicy client(OperationDescriptor operation) {
        return clients.computeIfAbsent(operation.fullName(), name -> newClient(operation));
    }

    public ServerPolicy server(OperationDescriptor operation) {
        return servers.computeIfAbsent(operation.fullName(), name -> newServer(operation));
    }

    /** Whether the client circuit of {@code operation} is open right now; for health and tests. */
    public boolean isCircuitOpen(OperationDescriptor operation) {
        ClientPolicy policy = clients.get(operation.fullName());
        return policy instanceof DefaultClientPolicy client && client.isCircuitOpen();
    }

    /**
     * The circuit state of every downstream operation this application has called, by its full name
     * ({@code Inventory/reserveStock}): {@code CLOSED}, {@code OPEN} or {@code HALF_OPEN}; for the service page.
     */
    public Map<String, String> circuitStates() {
        Map<String, String> states = new java.util.TreeMap<>();
        clients.forEach((name, policy) -> {
            if (policy instanceof DefaultClientPolicy client) {
                states.put(name, client.circuitState());
            }
        });
        return states;
    }

    private ClientPolicy newClient(OperationDescriptor operation) {
        PolicySettings settings = settings(operation);
        CircuitBreakerSettings breaker = settings.circuitBreaker();
        CircuitBreaker circuitBreaker = CircuitBreaker.of(operation.fullName(), CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(Math.max(breaker.window(), breaker.minimumCalls()))
                .minimumNumberOfCalls(breaker.minimumCalls())
                .failureRateThreshold(breaker.failureRate().floatValue())
                .waitDurationInOpenState(breaker.openFor())
                .automaticTransitionFromOpenToHalfOpenEnabled(false)
                .permittedNumberOfCallsInHalfOpenState(Math.max(1, Math.min(breaker.minimumCalls(), 3)))
                .build());
        RetryBudget budget = budgets.computeIfAbsent(operation.service(), service -> new RetryBudget());
        return new DefaultClientPolicy(operation, settings, circuitBreaker, budget,
                new Backoff(settings.retry(), random), sleeper);
    }

    private ServerPolicy newServer(OperationDescriptor operation) {
        PolicySettings settings = settings(operation);
        Bulkhead bulkhead = settings.concurrency() == null ? null : Bulkhead.of(operation.fullName(),
                BulkheadConfig.custom()
                        .maxConcurrentCalls(settings.concurrency())
                        .maxWaitDuration(Duration.ZERO)
                        .build());
        RateLimitSettings limit = settings.rateLimit();
        RateLimiter rateLimiter = limit == null ? null : RateLimiter.of(operation.fullName(),
                RateLimiterConfig.custom()
                        .limitForPeriod(limit.permits())
                        .limitRefreshPeriod(limit.per())
                        .timeoutDuration(Duration.ZERO)
                        .build());
        return new DefaultServerPolicy(operation, settings, bulkhead, rateLimiter);
    }
}
