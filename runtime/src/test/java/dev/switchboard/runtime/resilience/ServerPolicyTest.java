package dev.switchboard.runtime.resilience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.runtime.ErrorCode;
import dev.switchboard.runtime.RetryLaterException;
import dev.switchboard.runtime.policy.CallShape;
import dev.switchboard.runtime.policy.OperationDescriptor;
import dev.switchboard.runtime.policy.PolicySettings;
import dev.switchboard.runtime.policy.RateLimitSettings;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ServerPolicyTest {

    private static ServerPolicy server(Integer concurrency, RateLimitSettings rateLimit) {
        PolicySettings policy = new PolicySettings(null, null, null, null, concurrency, rateLimit);
        return new PolicyEngine(PolicyOverrides.none())
                .server(new OperationDescriptor("Orders", "get", true, CallShape.UNARY, policy));
    }

    @Test
    void bulkheadRejectsBeyondTheLimitAndFreesOnClose() {
        ServerPolicy policy = server(2, null);
        ServerPolicy.Permit first = policy.admit();
        ServerPolicy.Permit second = policy.admit();

        assertThatThrownBy(policy::admit)
                .isInstanceOfSatisfying(RetryLaterException.class, rejected -> {
                    assertThat(rejected.code()).isEqualTo(ErrorCode.RESOURCE_EXHAUSTED);
                    assertThat(rejected.retryAfter()).isPresent();
                })
                .hasMessageContaining("too many concurrent calls to Orders/get");

        first.close();
        policy.admit().close();
        second.close();
    }

    @Test
    void rateLimitRejectsWithWhenToRetry() {
        ServerPolicy policy = server(null, new RateLimitSettings(2, Duration.ofMinutes(1)));
        policy.admit().close();
        policy.admit().close();

        assertThatThrownBy(policy::admit)
                .isInstanceOfSatisfying(RetryLaterException.class, rejected -> assertThat(rejected.retryAfter())
                        .hasValueSatisfying(wait -> assertThat(wait)
                                .isPositive().isLessThanOrEqualTo(Duration.ofMinutes(1))))
                .hasMessageContaining("rate limit of 2 per 60000ms");
    }

    @Test
    void noLimitsAdmitsEverything() {
        ServerPolicy policy = server(null, null);
        for (int i = 0; i < 1000; i++) {
            policy.admit();
        }
        assertThat(policy.settings().concurrency()).isNull();
    }
}
