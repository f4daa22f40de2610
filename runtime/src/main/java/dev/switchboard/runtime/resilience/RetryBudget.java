package dev.switchboard.runtime.resilience;

/**
 * Caps retries to a share of the calls made to one downstream service, so a full outage does not
 * multiply the traffic it gets (the token bucket of gRPC retry throttling): every call deposits
 * its operation's budget ratio, every retry withdraws one token, and retries stop while the
 * bucket holds less than one. It starts full, so a quiet client can still retry a few times.
 */
final class RetryBudget {

    /** Tokens held at most, and at the start: this many retries are allowed before any call paid for them. */
    static final double CAPACITY = 10;

    private double tokens = CAPACITY;

    /** A call was made; it earns {@code ratio} of a retry. */
    synchronized void deposit(double ratio) {
        tokens = Math.min(CAPACITY, tokens + ratio);
    }

    /** Takes one retry's token when there is one. */
    synchronized boolean tryWithdraw() {
        if (tokens < 1) {
            return false;
        }
        tokens -= 1;
        return true;
    }

    synchronized double tokens() {
        return tokens;
    }
}
