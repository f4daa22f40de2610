package dev.switchboard.runtime.messaging;

import dev.switchboard.runtime.policy.RetrySettings;
import java.time.Duration;
import java.util.Objects;

/**
 * A consumer's wish: which destination, whether every consuming service gets each message
 * (events, {@link Mode#PUBLISH_SUBSCRIBE}) or exactly one instance of one service does
 * (commands, {@link Mode#POINT_TO_POINT}), under which group (the consuming service's name), with
 * which handler, how failures are retried and where messages go that cannot be processed.
 *
 * @param retry       attempts and backoff; every component must be set (see {@code PolicySettings.withDefaults})
 * @param concurrency handlers running at once for this subscription
 * @param ordered     messages of one key ({@link Message#subject()}) are handled one at a time in the order the
 *                    broker delivers them, a failed one retried in place before the later ones of its key;
 *                    messages of other keys and messages without a key still run side by side
 * @param batch       the messages are handed to the handler, a {@link BatchHandler}, several at a time; null for
 *                    one at a time
 */
public record Subscription(
        String destination, Mode mode, String group, MessageHandler handler, RetrySettings retry,
        String deadLetter, int concurrency, boolean ordered, Batch batch) {

    public Subscription {
        Objects.requireNonNull(destination, "destination");
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(handler, "handler");
        Objects.requireNonNull(retry, "retry");
        Objects.requireNonNull(deadLetter, "deadLetter");
        if (concurrency < 1) {
            throw new IllegalArgumentException("concurrency must be at least 1, got " + concurrency);
        }
        if (batch != null && !(handler instanceof BatchHandler)) {
            throw new IllegalArgumentException("the batch subscription on " + destination + " needs a BatchHandler");
        }
        if (batch != null && ordered) {
            // An ordered key holds one message in flight: there is never a batch of it to hand over.
            throw new IllegalArgumentException("the subscription on " + destination + " is batched and ordered;"
                    + " it can be one or the other");
        }
    }

    /** A subscription handling one message at a time. */
    public Subscription(String destination, Mode mode, String group, MessageHandler handler, RetrySettings retry,
            String deadLetter, int concurrency, boolean ordered) {
        this(destination, mode, group, handler, retry, deadLetter, concurrency, ordered, null);
    }

    /** An unordered subscription: messages run side by side and a retry goes behind the later ones. */
    public Subscription(String destination, Mode mode, String group, MessageHandler handler, RetrySettings retry,
            String deadLetter, int concurrency) {
        this(destination, mode, group, handler, retry, deadLetter, concurrency, false);
    }

    /**
     * How a batch gathers: up to {@code max} messages, waiting up to {@code maxWait} after the first for
     * the others; a quiet destination hands over smaller batches rather than holding messages back.
     */
    public record Batch(int max, Duration maxWait) {

        public Batch {
            if (max < 1) {
                throw new IllegalArgumentException("a batch holds at least 1 message, got " + max);
            }
            Objects.requireNonNull(maxWait, "maxWait");
            if (maxWait.isNegative() || maxWait.isZero()) {
                throw new IllegalArgumentException("a batch's wait must be positive, got " + maxWait);
            }
        }
    }

    public enum Mode {
        /** Events: each consumer group gets every message; instances of a group share them. */
        PUBLISH_SUBSCRIBE,
        /** Commands: one queue per destination; each message is handled once, by one instance. */
        POINT_TO_POINT
    }
}
