package dev.switchboard.runtime.policy;

import dev.switchboard.runtime.SwitchboardException;

/** Degradation: what a client call answers when the circuit is open or the retries are spent. */
@FunctionalInterface
public interface ClientFallback<T> {

    /** A substitute result, or throws (usually {@code failure} itself). */
    T recover(SwitchboardException failure);
}
