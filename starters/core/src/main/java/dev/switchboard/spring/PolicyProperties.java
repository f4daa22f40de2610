package dev.switchboard.spring;

import dev.switchboard.runtime.policy.CircuitBreakerSettings;
import dev.switchboard.runtime.policy.PolicySettings;
import dev.switchboard.runtime.policy.RateLimitSettings;
import dev.switchboard.runtime.policy.RetrySettings;
import java.time.Duration;

/** Policy values set in configuration; anything left unset keeps the contract's value. */
public class PolicyProperties {

    /** The longest one attempt of a call may take, e.g. {@code 500ms}. */
    private Duration timeout;

    /** The longest the whole call may take across attempts; propagates to downstream calls. */
    private Duration deadline;

    /** Retries of failures that are safe to retry. */
    private final Retry retry = new Retry();

    /** The client-side circuit breaker. */
    private final CircuitBreaker circuitBreaker = new CircuitBreaker();

    /** Most calls in flight on the server at once; more are rejected with 429 / RESOURCE_EXHAUSTED. */
    private Integer concurrency;

    /** Server-side rate limit; both keys are needed. */
    private final RateLimit rateLimit = new RateLimit();

    public Duration getTimeout() {
        return timeout;
    }

    public void setTimeout(Duration timeout) {
        this.timeout = timeout;
    }

    public Duration getDeadline() {
        return deadline;
    }

    public void setDeadline(Duration deadline) {
        this.deadline = deadline;
    }

    public Retry getRetry() {
        return retry;
    }

    public CircuitBreaker getCircuitBreaker() {
        return circuitBreaker;
    }

    public Integer getConcurrency() {
        return concurrency;
    }

    public void setConcurrency(Integer concurrency) {
        this.concurrency = concurrency;
    }

    public RateLimit getRateLimit() {
        return rateLimit;
    }

    /** These values as a policy layer; unset values stay null so lower layers show through. */
    public PolicySettings toSettings() {
        return new PolicySettings(timeout, deadline,
                new RetrySettings(retry.attempts, retry.backoff, retry.maxBackoff, retry.jitter, retry.budget),
                new CircuitBreakerSettings(circuitBreaker.failureRate, circuitBreaker.minimumCalls,
                        circuitBreaker.window, circuitBreaker.openFor),
                concurrency,
                rateLimit.permits == null || rateLimit.per == null ? null : new RateLimitSettings(rateLimit.permits, rateLimit.per));
    }

    public static class Retry {

        /** Total attempts including the first; 1 turns retries off. */
        private Integer attempts;

        /** Wait before the first retry; doubles on each further retry. */
        private Duration backoff;

        /** The longest wait between attempts. */
        private Duration maxBackoff;

        /** Random spread of each wait, 0..1 (0.2 = ±20%). */
        private Double jitter;

        /** Share of calls to the service that may be retries, 0..1 (0.2 = 20%). */
        private Double budget;

        public Integer getAttempts() {
            return attempts;
        }

        public void setAttempts(Integer attempts) {
            this.attempts = attempts;
        }

        public Duration getBackoff() {
            return backoff;
        }

        public void setBackoff(Duration backoff) {
            this.backoff = backoff;
        }

        public Duration getMaxBackoff() {
            return maxBackoff;
        }

        public void setMaxBackoff(Duration maxBackoff) {
            this.maxBackoff = maxBackoff;
        }

        public Double getJitter() {
            return jitter;
        }

        public void setJitter(Double jitter) {
            this.jitter = jitter;
        }

        public Double getBudget() {
            return budget;
        }

        public void setBudget(Double budget) {
            this.budget = budget;
        }
    }

    public static class CircuitBreaker {

        /** Failure percentage, 1..100, that opens the circuit. */
        private Double failureRate;

        /** Calls needed before the failure rate counts. */
        private Integer minimumCalls;

        /** Recent calls the failure rate is computed over. */
        private Integer window;

        /** How long the circuit stays open before trial calls go through. */
        private Duration openFor;

        public Double getFailureRate() {
            return failureRate;
        }

        public void setFailureRate(Double failureRate) {
            this.failureRate = failureRate;
        }

        public Integer getMinimumCalls() {
            return minimumCalls;
        }

        public void setMinimumCalls(Integer minimumCalls) {
            this.minimumCalls = minimumCalls;
        }

        public Integer getWindow() {
            return window;
        }

        public void setWindow(Integer window) {
            this.window = window;
        }

        public Duration getOpenFor() {
            return openFor;
        }

        public void setOpenFor(Duration openFor) {
            this.openFor = openFor;
        }
    }

    public static class RateLimit {

        /** Calls allowed per period. */
        private Integer permits;

        /** The period, e.g. {@code 1s}. */
        private Duration per;

        public Integer getPermits() {
            return permits;
        }

        public void setPermits(Integer permits) {
            this.permits = permits;
        }

        public Duration getPer() {
            return per;
        }

        public void setPer(Duration per) {
            this.per = per;
        }
    }
}
