package dev.switchboard.codegen.java;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import dev.switchboard.contract.model.CircuitBreakerPolicy;
import dev.switchboard.contract.model.Policies;
import dev.switchboard.contract.model.RateLimitPolicy;
import dev.switchboard.contract.model.RetryPolicy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The contract's policies written as the runtime's named withers
 * ({@code PolicySettings.NONE.withTimeout(Duration.ofSeconds(2))}), one declared value per call,
 * so generated code names every number it holds.
 */
public final class PolicyLiterals {

    static final ClassName SETTINGS = ClassName.get(RuntimeTypes.POLICY, "PolicySettings");
    static final ClassName RETRY = ClassName.get(RuntimeTypes.POLICY, "RetrySettings");
    static final ClassName BREAKER = ClassName.get(RuntimeTypes.POLICY, "CircuitBreakerSettings");

    private PolicyLiterals() {}

    /** Every declared value of {@code policies}, one wither a line; {@code PolicySettings.NONE} when none. */
    static CodeBlock settings(Policies policies) {
        List<CodeBlock> withers = new ArrayList<>();
        add(withers, "withTimeout", policies.timeout());
        add(withers, "withDeadline", policies.deadline());
        if (policies.retry() != null) {
            withers.add(CodeBlock.of(".withRetry($L)", retry(policies.retry())));
        }
        if (policies.circuitBreaker() != null) {
            withers.add(CodeBlock.of(".withCircuitBreaker($L)", breaker(CodeBlock.of("$T.NONE", BREAKER),
                    policies.circuitBreaker(), true)));
        }
        withers.addAll(limits(policies));
        return lines(CodeBlock.of("$T.NONE", SETTINGS), withers);
    }

    /**
     * What a publisher takes from the service's policies: the timeout, the deadline and the retry;
     * null when the contract declares none of them.
     */
    public static CodeBlock publishing(Policies policies) {
        List<CodeBlock> withers = new ArrayList<>();
        add(withers, "withTimeout", policies.timeout());
        add(withers, "withDeadline", policies.deadline());
        if (policies.retry() != null) {
            withers.add(CodeBlock.of(".withRetry($L)", retry(policies.retry())));
        }
        return withers.isEmpty() ? null : lines(CodeBlock.of("$T.NONE", SETTINGS), withers);
    }

    /**
     * {@code base} with what {@code override} declares: {@code DEFAULTS.withTimeout(...)} for one
     * value, a wither a line under {@code DEFAULTS} for several. A retry or circuit breaker changed
     * with {@code retry -> retry.withAttempts(5)} keeps the values it does not name, as the
     * contract's merge does.
     */
    static CodeBlock overridden(String base, Policies override) {
        List<CodeBlock> withers = new ArrayList<>();
        add(withers, "withTimeout", override.timeout());
        add(withers, "withDeadline", override.deadline());
        if (override.retry() != null) {
            withers.add(CodeBlock.of(".withRetry(retry -> $L)",
                    retryWithers(CodeBlock.of("retry"), override.retry(), false)));
        }
        if (override.circuitBreaker() != null) {
            withers.add(CodeBlock.of(".withCircuitBreaker(breaker -> $L)",
                    breaker(CodeBlock.of("breaker"), override.circuitBreaker(), false)));
        }
        withers.addAll(limits(override));
        return withers.size() == 1
                ? CodeBlock.of("$L$L", base, withers.get(0))
                : lines(CodeBlock.of("$L", base), withers);
    }

    /** {@code RetrySettings.NONE} and a line per declared value. */
    public static CodeBlock retry(RetryPolicy retry) {
        return retryWithers(CodeBlock.of("$T.NONE", RETRY), retry, true);
    }

    private static CodeBlock retryWithers(CodeBlock from, RetryPolicy retry, boolean multiline) {
        List<CodeBlock> withers = new ArrayList<>();
        add(withers, "withAttempts", retry.attempts());
        add(withers, "withBackoff", retry.backoff());
        add(withers, "withMaxBackoff", retry.maxBackoff());
        add(withers, "withJitter", retry.jitter());
        add(withers, "withBudget", retry.budget());
        return multiline ? lines(from, withers) : CodeBlock.join(prepend(from, withers), "");
    }

    private static CodeBlock breaker(CodeBlock from, CircuitBreakerPolicy breaker, boolean multiline) {
        List<CodeBlock> withers = new ArrayList<>();
        add(withers, "withFailureRate", breaker.failureRate());
        add(withers, "withMinimumCalls", breaker.minimumCalls());
        add(withers, "withWindow", breaker.window());
        add(withers, "withOpenFor", breaker.openFor());
        return multiline ? lines(from, withers) : CodeBlock.join(prepend(from, withers), "");
    }

    private static List<CodeBlock> limits(Policies policies) {
        List<CodeBlock> withers = new ArrayList<>();
        add(withers, "withConcurrency", policies.concurrency());
        RateLimitPolicy limit = policies.rateLimit();
        if (limit != null) {
            withers.add(CodeBlock.of(".withRateLimit($L,$W$L)", limit.permits(), duration(limit.per())));
        }
        return withers;
    }

    private static void add(List<CodeBlock> withers, String name, Object value) {
        if (value != null) {
            withers.add(CodeBlock.of(".$L($L)", name, value instanceof Duration duration ? duration(duration) : value));
        }
    }

    private static List<CodeBlock> prepend(CodeBlock head, List<CodeBlock> tail) {
        List<CodeBlock> all = new ArrayList<>();
        all.add(head);
        all.addAll(tail);
        return all;
    }

    /** {@code head}, then each wither on a line of its own, two levels in. */
    private static CodeBlock lines(CodeBlock head, List<CodeBlock> withers) {
        CodeBlock.Builder code = CodeBlock.builder().add("$L", head);
        if (withers.isEmpty()) {
            return code.build();
        }
        code.add("$>$>");
        withers.forEach(wither -> code.add("\n$L", wither));
        return code.add("$<$<").build();
    }

    /** A duration as a contract writes it, for documents and javadoc: {@code 50ms}, {@code 2s}. */
    public static String spelled(Duration duration) {
        long millis = duration.toMillis();
        return millis % 1_000 == 0 ? millis / 1_000 + "s" : millis + "ms";
    }

    /** The shortest exact spelling: {@code Duration.ofSeconds(2)} rather than {@code ofMillis(2000)}. */
    public static CodeBlock duration(Duration duration) {
        long millis = duration.toMillis();
        if (millis % 3_600_000 == 0) {
            return CodeBlock.of("$T.ofHours($L)", Duration.class, millis / 3_600_000);
        }
        if (millis % 60_000 == 0) {
            return CodeBlock.of("$T.ofMinutes($L)", Duration.class, millis / 60_000);
        }
        if (millis % 1_000 == 0) {
            return CodeBlock.of("$T.ofSeconds($L)", Duration.class, millis / 1_000);
        }
        return CodeBlock.of("$T.ofMillis($L)", Duration.class, millis);
    }
}
