package dev.switchboard.runtime.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The named withers and factories generated {@code <Service>Operations} classes are written with. */
class PolicySettingsTest {

    private static final PolicySettings DEFAULTS = PolicySettings.NONE
            .withTimeout(Duration.ofSeconds(2))
            .withDeadline(Duration.ofSeconds(5))
            .withRetry(RetrySettings.NONE
                    .withAttempts(3)
                    .withBackoff(Duration.ofMillis(50))
                    .withMaxBackoff(Duration.ofSeconds(1))
                    .withJitter(0.2)
                    .withBudget(0.1))
            .withCircuitBreaker(CircuitBreakerSettings.NONE
                    .withFailureRate(50.0)
                    .withMinimumCalls(20)
                    .withWindow(100)
                    .withOpenFor(Duration.ofSeconds(10)))
            .withConcurrency(64)
            .withRateLimit(200, Duration.ofSeconds(1));

    @Test
    void withersDeclareEachValueByName() {
        assertThat(DEFAULTS).isEqualTo(new PolicySettings(Duration.ofSeconds(2), Duration.ofSeconds(5),
                new RetrySettings(3, Duration.ofMillis(50), Duration.ofSeconds(1), 0.2, 0.1),
                new CircuitBreakerSettings(50.0, 20, 100, Duration.ofSeconds(10)),
                64, new RateLimitSettings(200, Duration.ofSeconds(1))));
    }

    @Test
    void aWitherChangesOneValueAndLeavesTheOriginalAlone() {
        PolicySettings faster = DEFAULTS.withTimeout(Duration.ofMillis(500));
        PolicySettings moreAttempts = DEFAULTS.withRetry(DEFAULTS.retry().withAttempts(5));

        assertThat(faster).isEqualTo(DEFAULTS.overriddenBy(
                new PolicySettings(Duration.ofMillis(500), null, null, null, null, null)));
        assertThat(moreAttempts.retry()).isEqualTo(
                new RetrySettings(5, Duration.ofMillis(50), Duration.ofSeconds(1), 0.2, 0.1));
        assertThat(moreAttempts.circuitBreaker()).isSameAs(DEFAULTS.circuitBreaker());
        assertThat(DEFAULTS.timeout()).isEqualTo(Duration.ofSeconds(2));
        assertThat(DEFAULTS.retry().attempts()).isEqualTo(3);
    }

    @Test
    void aChangeOfRetryOrCircuitBreakerKeepsTheOtherValuesAndStartsFromNoneWhenUndeclared() {
        PolicySettings changed = DEFAULTS
                .withRetry(retry -> retry.withAttempts(5))
                .withCircuitBreaker(breaker -> breaker.withOpenFor(Duration.ofSeconds(30)));
        PolicySettings fromNothing = PolicySettings.NONE
                .withRetry(retry -> retry.withAttempts(2))
                .withCircuitBreaker(breaker -> breaker.withWindow(10));

        assertThat(changed.retry()).isEqualTo(DEFAULTS.retry().overriddenBy(new RetrySettings(5, null, null, null, null)));
        assertThat(changed.circuitBreaker()).isEqualTo(new CircuitBreakerSettings(50.0, 20, 100, Duration.ofSeconds(30)));
        assertThat(fromNothing.retry()).isEqualTo(new RetrySettings(2, null, null, null, null));
        assertThat(fromNothing.circuitBreaker()).isEqualTo(new CircuitBreakerSettings(null, null, 10, null));
    }

    @Test
    void undeclaredValuesStillComeFromTheRuntimeDefaults() {
        PolicySettings onlyAttempts = PolicySettings.NONE.withRetry(RetrySettings.NONE.withAttempts(1));

        assertThat(onlyAttempts.withDefaults().retry()).isEqualTo(PolicyDefaults.RETRY.overriddenBy(
                new RetrySettings(1, null, null, null, null)));
        assertThat(onlyAttempts.withDefaults().circuitBreaker()).isEqualTo(PolicyDefaults.CIRCUIT_BREAKER);
        assertThat(CircuitBreakerSettings.NONE.withOpenFor(Duration.ofSeconds(3)))
                .isEqualTo(new CircuitBreakerSettings(null, null, null, Duration.ofSeconds(3)));
    }

    @Test
    void aRateLimitIsCheckedWhenDeclared() {
        assertThatThrownBy(() -> PolicySettings.NONE.withRateLimit(0, Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("rate limit permits must be at least 1, got 0");
    }

    @Test
    void factoriesNameTheShapeAndIdempotencyIsDeclaredApart() {
        OperationDescriptor getOrder = OperationDescriptor.unary("Orders", "getOrder", DEFAULTS).asIdempotent();

        assertThat(getOrder).isEqualTo(new OperationDescriptor("Orders", "getOrder", true, CallShape.UNARY, DEFAULTS));
        assertThat(OperationDescriptor.unary("Orders", "createOrder", DEFAULTS).idempotent()).isFalse();
        assertThat(OperationDescriptor.serverStream("Orders", "watch", null).shape()).isEqualTo(CallShape.SERVER_STREAM);
        assertThat(OperationDescriptor.clientStream("Orders", "import", null).shape()).isEqualTo(CallShape.CLIENT_STREAM);
        assertThat(OperationDescriptor.bidiStream("Orders", "track", null))
                .isEqualTo(new OperationDescriptor("Orders", "track", false, CallShape.BIDI_STREAM, PolicySettings.NONE));
    }
}
