package dev.switchboard.contract.check;

import dev.switchboard.contract.Position;
import dev.switchboard.contract.model.CircuitBreakerPolicy;
import dev.switchboard.contract.model.Policies;
import dev.switchboard.contract.model.RetryPolicy;
import java.util.Arrays;

/** Policy values within their ranges, and consistent within one block (timeout within deadline, ...). */
final class PolicyRules {

    static final int MAX_ATTEMPTS = 10;

    private final Context context;

    PolicyRules(Context context) {
        this.context = context;
    }

    /**
     * @param owner "policies" or "operation getOrder", as messages name the block
     * @param path  where the block is written, e.g. {@code operations, getOrder}
     */
    void check(Policies policies, String owner, String... path) {
        if (policies.timeout() != null && policies.deadline() != null
                && policies.timeout().compareTo(policies.deadline()) > 0) {
            context.report(at(path, "timeout"), "timeout of " + owner + " (" + Context.format(policies.timeout())
                            + ") is longer than its deadline (" + Context.format(policies.deadline()) + ")",
                    "make the timeout of one attempt at most the deadline of all attempts, e.g. timeout: "
                            + Context.format(policies.deadline()));
        }
        if (policies.retry() != null) {
            checkRetry(policies.retry(), "retry of " + owner, append(path, "retry"));
        }
        if (policies.circuitBreaker() != null) {
            checkCircuitBreaker(policies.circuitBreaker(), "circuitBreaker of " + owner, append(path, "circuitBreaker"));
        }
        if (policies.concurrency() != null && policies.concurrency() < 1) {
            context.report(at(path, "concurrency"), "concurrency of " + owner + " is " + policies.concurrency()
                    + ", but must be at least 1", "write the most calls in flight at once, e.g. concurrency: 64");
        }
        if (policies.rateLimit() != null && policies.rateLimit().permits() < 1) {
            context.report(at(append(path, "rateLimit"), "permits"), "permits of rateLimit of " + owner + " is "
                    + policies.rateLimit().permits() + ", but must be at least 1", "write e.g. permits: 100");
        }
    }

    /**
     * Checks what an operation ends up with once its overrides are laid over the service policies:
     * an operation's timeout may exceed the service's deadline even though each block is consistent
     * alone. Only mixed pairs are reported here; a pair declared in one block was reported by
     * {@link #check}.
     */
    void checkEffective(Policies service, Policies operation, String owner, String... path) {
        Policies effective = service.overriddenBy(operation);
        boolean mixed = (operation.timeout() == null) != (operation.deadline() == null);
        if (mixed && effective.timeout() != null && effective.deadline() != null
                && effective.timeout().compareTo(effective.deadline()) > 0) {
            String declared = operation.timeout() != null ? "timeout" : "deadline";
            context.report(at(path, declared), "timeout of " + owner + " (" + Context.format(effective.timeout())
                            + ") is longer than its deadline (" + Context.format(effective.deadline())
                            + "), one of them taken from the service policies",
                    "make the timeout of one attempt at most the deadline of all attempts, or override both here");
        }
        RetryPolicy retry = operation.retry();
        if (retry != null && effective.retry() != null && (retry.backoff() == null) != (retry.maxBackoff() == null)) {
            RetryPolicy merged = effective.retry();
            if (merged.backoff() != null && merged.maxBackoff() != null
                    && merged.maxBackoff().compareTo(merged.backoff()) < 0) {
                String declared = retry.backoff() != null ? "backoff" : "maxBackoff";
                context.report(at(append(path, "retry"), declared), "retry of " + owner + " ends up with maxBackoff "
                                + Context.format(merged.maxBackoff()) + " shorter than backoff "
                                + Context.format(merged.backoff()) + ", one of them taken from the service policies",
                        "override both backoff and maxBackoff here, with maxBackoff at least backoff");
            }
        }
    }

    /** @param what e.g. "retry of event orderCreated" */
    void checkRetry(RetryPolicy retry, String what, String... path) {
        if (retry.attempts() != null && (retry.attempts() < 1 || retry.attempts() > MAX_ATTEMPTS)) {
            context.report(at(path, "attempts"), "attempts of " + what + " is " + retry.attempts()
                    + ", but must be between 1 and " + MAX_ATTEMPTS, "use 1 to 10 attempts (1 means no retry)");
        }
        if (retry.backoff() != null && retry.maxBackoff() != null && retry.maxBackoff().compareTo(retry.backoff()) < 0) {
            context.report(at(path, "maxBackoff"), "maxBackoff of " + what + " (" + Context.format(retry.maxBackoff())
                    + ") is shorter than backoff (" + Context.format(retry.backoff()) + ")",
                    "make maxBackoff at least " + Context.format(retry.backoff()));
        }
        if (retry.jitter() != null && (retry.jitter() < 0 || retry.jitter() > 1)) {
            context.report(at(path, "jitter"), "jitter of " + what + " is " + Context.format(retry.jitter())
                    + ", but must be between 0 and 1", "write a fraction of the backoff, e.g. jitter: 0.2");
        }
        if (retry.budget() != null && (retry.budget() < 0 || retry.budget() > 1)) {
            context.report(at(path, "budget"), "budget of " + what + " is " + Context.format(retry.budget())
                    + ", but must be between 0 and 1 (0% to 100%)", "write e.g. budget: 20% or budget: 0.2");
        }
    }

    private void checkCircuitBreaker(CircuitBreakerPolicy breaker, String what, String... path) {
        if (breaker.failureRate() != null && (breaker.failureRate() < 1 || breaker.failureRate() > 100)) {
            context.report(at(path, "failureRate"), "failureRate of " + what + " is "
                    + Context.format(breaker.failureRate()) + ", but must be between 1 and 100 (percent)",
                    "write e.g. failureRate: 50%");
        }
        if (breaker.minimumCalls() != null && breaker.minimumCalls() < 1) {
            context.report(at(path, "minimumCalls"), "minimumCalls of " + what + " is " + breaker.minimumCalls()
                    + ", but must be at least 1", "write e.g. minimumCalls: 20");
        }
        if (breaker.window() != null && breaker.window() < 1) {
            context.report(at(path, "window"), "window of " + what + " is " + breaker.window()
                    + ", but must be at least 1", "write the number of recent calls to judge, e.g. window: 100");
        } else if (breaker.window() != null && breaker.minimumCalls() != null
                && breaker.window() < breaker.minimumCalls()) {
            context.report(at(path, "window"), "window of " + what + " (" + breaker.window()
                            + " calls) is smaller than minimumCalls (" + breaker.minimumCalls() + ")",
                    "make window at least " + breaker.minimumCalls());
        }
    }

    private Position at(String[] path, String key) {
        return context.at(context.contract.position(), append(path, key));
    }

    private static String[] append(String[] path, String key) {
        String[] longer = Arrays.copyOf(path, path.length + 1);
        longer[path.length] = key;
        return longer;
    }
}
