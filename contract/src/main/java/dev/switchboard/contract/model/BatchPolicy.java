package dev.switchboard.contract.model;

import java.time.Duration;

/**
 * How consumers take a message several at a time ({@code batch: { max: 100, wait: 50ms }}): the
 * handler gets up to {@code max} messages together, gathered for up to {@code maxWait}. Components are
 * null when not declared.
 *
 * @param max     messages at most in one batch, 1..{@value #MAX_MESSAGES}
 * @param maxWait how long a batch gathers after its first message ({@code wait} in the contract)
 */
public record BatchPolicy(Integer max, Duration maxWait) {

    /** The most messages one batch may hold: a broker's prefetch and a database's IN list stay sane. */
    public static final int MAX_MESSAGES = 1000;

    /** The longest a batch may gather: longer holds messages unacknowledged past the brokers' ack waits. */
    public static final Duration MAX_WAIT = Duration.ofSeconds(10);
}
