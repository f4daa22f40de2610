package dev.switchboard.runtime.resilience;

/** One try of a client call over some transport; it throws {@code SwitchboardException} for failures it understood. */
@FunctionalInterface
public interface ClientAttempt<T> {

    T attempt(AttemptContext context) throws Exception;
}
