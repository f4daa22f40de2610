package dev.switchboard.runtime.resilience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.runtime.ErrorCode;
import dev.switchboard.runtime.RetryLaterException;
import dev.switchboard.runtime.SwitchboardException;
import dev.switchboard.runtime.call.CallContext;
import dev.switchboard.runtime.call.Deadline;
import dev.switchboard.runtime.policy.Backoff;
import dev.switchboard.runtime.policy.CallShape;
import dev.switchboard.runtime.policy.CircuitBreakerSettings;
import dev.switchboard.runtime.policy.OperationDescriptor;
import dev.switchboard.runtime.policy.PolicyDefaults;
import dev.switchboard.runtime.policy.PolicySettings;
import dev.switchboard.runtime.policy.RetrySettings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ClientPolicyTest {

    private final List<Duration> waits = new ArrayList<>();

    private PolicyEngine engine(PolicySettings overrides) {
        return new PolicyEngine((service, operation) -> overrides, waits::add, () -> 0.5);
    }

    private static OperationDescriptor op(String name, boolean idempotent, PolicySettings policy) {
        return new OperationDescriptor("Orders", name, idempotent, CallShape.UNARY, policy);
    }

    private static PolicySettings retries(int attempts) {
        return new PolicySettings(null, null,
                new RetrySettings(attempts, Duration.ofMillis(10), Duration.ofMillis(50), 0.0, 1.0), null, null, null);
    }

    private static SwitchboardException failure(ErrorCode code) {
        return new SwitchboardException(code, code.name(), "scripted", Map.of());
    }

    /** Attempts made for one failing call, by code, idempotency and key. */
    @ParameterizedTest
    @CsvSource({
            "UNAVAILABLE, true, false, 3",
            "UNAVAILABLE, false, false, 1",
            "UNAVAILABLE, false, true, 3",
            "RESOURCE_EXHAUSTED, true, false, 3",
            "ABORTED, true, false, 3",
            "DEADLINE_EXCEEDED, true, false, 3",
            "DEADLINE_EXCEEDED, false, true, 1",
            "NOT_FOUND, true, false, 1",
            "INTERNAL, true, false, 1",
            "INVALID_ARGUMENT, true, true, 1"})
    void retriesOnlyWhatIsSafe(ErrorCode code, boolean idempotent, boolean keyed, int expectedAttempts) {
        ClientPolicy policy = engine(PolicySettings.NONE).client(op("op", idempotent, retries(3)));
        AtomicInteger attempts = new AtomicInteger();

        assertThatThrownBy(() -> policy.execute(keyed, context -> {
            attempts.incrementAndGet();
            throw failure(code);
        }, null)).isInstanceOf(SwitchboardException.class).extracting("code").isEqualTo(code);

        assertThat(attempts).hasValue(expectedAttempts);
    }

    @Test
    void retriesThenSucceedsWithGrowingCappedBackoff() {
        ClientPolicy policy = engine(PolicySettings.NONE).client(op("get", true, retries(5)));
        AtomicInteger attempts = new AtomicInteger();

        String result = policy.execute(false, context -> {
            if (attempts.incrementAndGet() < 5) {
                throw failure(ErrorCode.UNAVAILABLE);
            }
            return "ok after " + context.attempt();
        }, null);

        assertThat(result).isEqualTo("ok after 5");
        assertThat(waits).containsExactly(
                Duration.ofMillis(10), Duration.ofMillis(20), Duration.ofMillis(40), Duration.ofMillis(50));
    }

    @Test
    void jitterSpreadsWaitsWithinBounds() {
        RetrySettings retry = new RetrySettings(3, Duration.ofMillis(100), Duration.ofSeconds(1), 0.2, 0.2);
        assertThat(new Backoff(retry, () -> 0.0).before(1)).isEqualTo(Duration.ofMillis(80));
        assertThat(new Backoff(retry, () -> 1.0).before(1)).isEqualTo(Duration.ofMillis(120));
        assertThat(new Backoff(retry, () -> 1.0).before(10)).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void serverPushbackLengthensTheWait() {
        ClientPolicy policy = engine(PolicySettings.NONE).client(op("get", true, retries(2)));
        AtomicInteger attempts = new AtomicInteger();

        policy.execute(false, context -> {
            if (attempts.incrementAndGet() == 1) {
                throw new RetryLaterException(ErrorCode.RESOURCE_EXHAUSTED, "slow down", Duration.ofMillis(700));
            }
            return "ok";
        }, null);

        assertThat(waits).containsExactly(Duration.ofMillis(700));
    }

    @Test
    void stopsRetryingWhenTheNextWaitWouldPassTheDeadline() {
        PolicySettings slowBackoff = new PolicySettings(null, Duration.ofMillis(200),
                new RetrySettings(5, Duration.ofSeconds(1), Duration.ofSeconds(5), 0.0, 1.0), null, null, null);
        ClientPolicy policy = engine(PolicySettings.NONE).client(op("get", true, slowBackoff));
        AtomicInteger attempts = new AtomicInteger();

        assertThatThrownBy(() -> policy.execute(false, context -> {
            attempts.incrementAndGet();
            throw failure(ErrorCode.UNAVAILABLE);
        }, null)).extracting("code").isEqualTo(ErrorCode.UNAVAILABLE);
        assertThat(attempts).hasValue(1);
        assertThat(waits).isEmpty();
    }

    @Test
    void attemptDeadlineIsTheTimeoutBoundedByTheInheritedDeadline() {
        PolicySettings timeout = new PolicySettings(Duration.ofSeconds(30), null, null, null, null, null);
        ClientPolicy policy = engine(PolicySettings.NONE).client(op("get", true, timeout));
        OperationDescriptor caller = op("caller", true, PolicySettings.NONE);

        Duration remaining;
        try (CallContext.Scope scope = CallContext.enter(caller, Deadline.after(Duration.ofSeconds(2)))) {
            remaining = policy.execute(false, context -> context.deadline().remaining(), null);
        }
        assertThat(remaining).isLessThanOrEqualTo(Duration.ofSeconds(2)).isGreaterThan(Duration.ZERO);

        Duration alone = policy.execute(false, context -> context.deadline().remaining(), null);
        assertThat(alone).isGreaterThan(Duration.ofSeconds(2)).isLessThanOrEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void expiredInheritedDeadlineFailsWithoutAnAttempt() {
        ClientPolicy policy = engine(PolicySettings.NONE).client(op("get", true, PolicySettings.NONE));
        AtomicInteger attempts = new AtomicInteger();
        try (CallContext.Scope scope = CallContext.enter(op("caller", true, null), Deadline.after(Duration.ZERO))) {
            assertThatThrownBy(() -> policy.execute(false, context -> attempts.incrementAndGet(), null))
                    .extracting("code").isEqualTo(ErrorCode.DEADLINE_EXCEEDED);
        }
        assertThat(attempts).hasValue(0);
    }

    @Test
    void circuitOpensFailsFastAndRecovers() throws InterruptedException {
        PolicySettings breaker = new PolicySettings(null, null, new RetrySettings(1, null, null, null, null),
                new CircuitBreakerSettings(50.0, 4, 4, Duration.ofMillis(50)), null, null);
        PolicyEngine engine = engine(PolicySettings.NONE);
        OperationDescriptor get = op("get", true, breaker);
        ClientPolicy policy = engine.client(get);
        AtomicInteger attempts = new AtomicInteger();
        ClientAttempt<String> failing = context -> {
            attempts.incrementAndGet();
            throw failure(ErrorCode.UNAVAILABLE);
        };
        for (int i = 0; i < 4; i++) {
            assertThatThrownBy(() -> policy.execute(false, failing, null));
        }
        assertThat(engine.isCircuitOpen(get)).isTrue();

        assertThatThrownBy(() -> policy.execute(false, failing, null))
                .hasMessageContaining("circuit open").extracting("code").isEqualTo(ErrorCode.UNAVAILABLE);
        assertThat(attempts).hasValue(4);
        assertThat(policy.execute(false, failing, failure -> "degraded")).isEqualTo("degraded");

        long giveUp = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        String answer = null;
        while (answer == null && System.nanoTime() < giveUp) {
            Thread.sleep(20);
            try {
                answer = policy.execute(false, context -> "recovered", null);
            } catch (SwitchboardException stillOpen) {
                assertThat(stillOpen).hasMessageContaining("circuit open");
            }
        }
        assertThat(answer).isEqualTo("recovered");
    }

    @Test
    void contractErrorsDoNotOpenTheCircuitNorReachTheFallback() {
        PolicySettings breaker = new PolicySettings(null, null, null,
                new CircuitBreakerSettings(50.0, 2, 2, Duration.ofMinutes(1)), null, null);
        PolicyEngine engine = engine(PolicySettings.NONE);
        OperationDescriptor get = op("get", true, breaker);
        AtomicInteger fallbacks = new AtomicInteger();
        for (int i = 0; i < 5; i++) {
            assertThatThrownBy(() -> engine.client(get).execute(false, context -> {
                throw failure(ErrorCode.NOT_FOUND);
            }, failure -> fallbacks.incrementAndGet())).extracting("code").isEqualTo(ErrorCode.NOT_FOUND);
        }
        assertThat(engine.isCircuitOpen(get)).isFalse();
        assertThat(fallbacks).hasValue(0);
    }

    @Test
    void fallbackAnswersWhenRetriesAreSpent() {
        ClientPolicy policy = engine(PolicySettings.NONE).client(op("get", true, retries(2)));
        String answer = policy.execute(false, context -> {
            throw failure(ErrorCode.UNAVAILABLE);
        }, failure -> "cached: " + failure.code());
        assertThat(answer).isEqualTo("cached: UNAVAILABLE");
    }

    @Test
    void retryBudgetCapsRetriesUnderAFullOutage() {
        PolicySettings budgeted = new PolicySettings(null, null,
                new RetrySettings(3, Duration.ofMillis(1), Duration.ofMillis(1), 0.0, 0.2),
                new CircuitBreakerSettings(100.0, 1000, 1000, Duration.ofMinutes(1)), null, null);
        ClientPolicy policy = engine(PolicySettings.NONE).client(op("get", true, budgeted));
        AtomicInteger attempts = new AtomicInteger();
        for (int call = 0; call < 100; call++) {
            assertThatThrownBy(() -> policy.execute(false, context -> {
                attempts.incrementAndGet();
                throw failure(ErrorCode.UNAVAILABLE);
            }, null));
        }
        int retries = attempts.get() - 100;
        assertThat(retries).isPositive().isLessThanOrEqualTo((int) (RetryBudget.CAPACITY + 100 * 0.2));
    }

    @Test
    void configurationOverridesTheContract() {
        PolicySettings configured = new PolicySettings(Duration.ofMillis(300), null,
                new RetrySettings(7, null, null, null, null), null, null, null);
        PolicySettings settings = engine(configured).settings(op("get", true, retries(3)));
        assertThat(settings.timeout()).isEqualTo(Duration.ofMillis(300));
        assertThat(settings.retry().attempts()).isEqualTo(7);
        assertThat(settings.retry().backoff()).isEqualTo(Duration.ofMillis(10));
        assertThat(settings.circuitBreaker()).isEqualTo(PolicyDefaults.CIRCUIT_BREAKER);
    }
}
