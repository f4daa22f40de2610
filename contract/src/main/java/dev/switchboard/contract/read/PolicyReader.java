package dev.switchboard.contract.read;

import dev.switchboard.contract.model.CircuitBreakerPolicy;
import dev.switchboard.contract.model.Policies;
import dev.switchboard.contract.model.RateLimitPolicy;
import dev.switchboard.contract.model.RetryPolicy;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Reads resilience policies: the service {@code policies:} block and the same keys written directly
 * on an operation. Ranges (attempts 1..10, jitter 0..1, ...) are checked by the validator.
 */
final class PolicyReader {

    static final List<String> POLICY_KEYS = List.of(
            "timeout", "deadline", "retry", "circuitBreaker", "concurrency", "rateLimit");
    static final List<String> RETRY_KEYS = List.of("attempts", "backoff", "maxBackoff", "jitter", "budget");
    static final List<String> CIRCUIT_BREAKER_KEYS = List.of("failureRate", "minimumCalls", "window", "openFor");
    static final List<String> RATE_LIMIT_KEYS = List.of("permits", "per");

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final Problems problems;

    PolicyReader(Problems problems) {
        this.problems = problems;
    }

    /** The policy keys of {@code owner}; {@link Policies#NONE} when it declares none. */
    Policies read(YamlMapping owner) {
        Policies policies = new Policies(
                owner.duration("timeout"),
                owner.duration("deadline"),
                owner.has("retry") ? retry(owner.value("retry"), "retry of " + owner.what()) : null,
                owner.has("circuitBreaker") ? circuitBreaker(owner.value("circuitBreaker"), owner.what()) : null,
                owner.integer("concurrency"),
                owner.has("rateLimit") ? rateLimit(owner.value("rateLimit"), owner.what()) : null);
        return policies.equals(Policies.NONE) ? Policies.NONE : policies;
    }

    RetryPolicy retry(Node node, String what) {
        YamlMapping retry = YamlMapping.of(node, what, "{ attempts: 3, backoff: 50ms, maxBackoff: 1s }", problems);
        if (retry == null) {
            return null;
        }
        retry.allowOnly(RETRY_KEYS);
        BigDecimal jitter = retry.number("jitter");
        BigDecimal budget = percent(retry, "budget", false);
        return new RetryPolicy(retry.integer("attempts"), retry.duration("backoff"), retry.duration("maxBackoff"),
                jitter == null ? null : jitter.doubleValue(), budget == null ? null : budget.doubleValue());
    }

    private CircuitBreakerPolicy circuitBreaker(Node node, String owner) {
        YamlMapping breaker = YamlMapping.of(node, "circuitBreaker of " + owner,
                "{ failureRate: 50%, minimumCalls: 20, window: 100, openFor: 10s }", problems);
        if (breaker == null) {
            return null;
        }
        breaker.allowOnly(CIRCUIT_BREAKER_KEYS);
        BigDecimal failureRate = percent(breaker, "failureRate", true);
        return new CircuitBreakerPolicy(failureRate == null ? null : failureRate.doubleValue(),
                breaker.integer("minimumCalls"), breaker.integer("window"), breaker.duration("openFor"));
    }

    private RateLimitPolicy rateLimit(Node node, String owner) {
        YamlMapping limit = YamlMapping.of(node, "rateLimit of " + owner, "{ permits: 100, per: 1s }", problems);
        if (limit == null) {
            return null;
        }
        limit.allowOnly(RATE_LIMIT_KEYS);
        Integer permits = limit.require("permits", limit.node(), "add permits: <calls>, e.g. permits: 100")
                ? limit.integer("permits") : null;
        Duration per = limit.require("per", limit.node(), "add per: <duration>, e.g. per: 1s")
                ? limit.duration("per") : null;
        return permits == null || per == null ? null : new RateLimitPolicy(permits, per);
    }

    /**
     * A share written as a percentage ({@code 20%}) or a plain number; in percent when
     * {@code inPercent}, else as a fraction (so {@code 20%} and {@code 0.2} are the same budget).
     */
    private BigDecimal percent(YamlMapping owner, String key, boolean inPercent) {
        ScalarNode scalar = owner.scalar(key);
        if (scalar == null) {
            return null;
        }
        String text = scalar.getValue().trim();
        if (text.endsWith("%")) {
            ScalarNode number = new ScalarNode(Tag.FLOAT, text.substring(0, text.length() - 1).trim(),
                    scalar.getStartMark(), scalar.getEndMark(), scalar.getScalarStyle());
            BigDecimal value = Scalars.number(number, key + " of " + owner.what(), problems);
            return value == null || inPercent ? value : value.divide(HUNDRED);
        }
        if (scalar.getTag().equals(Tag.STR)) {
            problems.add(scalar, key + " of " + owner.what() + " must be a percentage, not '" + text + "'",
                    inPercent ? "write " + key + ": 50% or " + key + ": 50" : "write " + key + ": 20% or " + key + ": 0.2");
            return null;
        }
        return Scalars.number(scalar, key + " of " + owner.what(), problems);
    }
}
