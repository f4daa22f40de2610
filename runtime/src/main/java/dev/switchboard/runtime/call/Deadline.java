package dev.switchboard.runtime.call;

import java.time.Duration;

/**
 * A point in time by which a call must be done, on the monotonic clock. Relative timeouts travel
 * on the wire (no clock skew); each hop turns them back into a deadline.
 */
public final class Deadline implements Comparable<Deadline> {

    private final long expiresAtNanos;

    private Deadline(long expiresAtNanos) {
        this.expiresAtNanos = expiresAtNanos;
    }

    /** The deadline {@code timeout} from now. */
    public static Deadline after(Duration timeout) {
        return new Deadline(System.nanoTime() + saturatedNanos(timeout));
    }

    /** Time left; zero once expired, never negative. */
    public Duration remaining() {
        long left = expiresAtNanos - System.nanoTime();
        return left <= 0 ? Duration.ZERO : Duration.ofNanos(left);
    }

    /** Whole milliseconds left, rounded up so a live deadline never reads as zero. */
    public long remainingMillis() {
        long left = expiresAtNanos - System.nanoTime();
        return left <= 0 ? 0 : (left + 999_999) / 1_000_000;
    }

    public boolean isExpired() {
        return expiresAtNanos - System.nanoTime() <= 0;
    }

    /** Whichever of this and {@code other} comes first; {@code other} may be null. */
    public Deadline earliest(Deadline other) {
        return other == null || compareTo(other) <= 0 ? this : other;
    }

    @Override
    public int compareTo(Deadline other) {
        return Long.compare(expiresAtNanos - other.expiresAtNanos, 0);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Deadline deadline && deadline.expiresAtNanos == expiresAtNanos;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(expiresAtNanos);
    }

    @Override
    public String toString() {
        return "Deadline[" + remaining().toMillis() + "ms left]";
    }

    private static long saturatedNanos(Duration timeout) {
        try {
            return Math.max(0, timeout.toNanos());
        } catch (ArithmeticException tooLong) {
            return Long.MAX_VALUE / 2;
        }
    }
}
