package dev.switchboard.runtime.call;

import dev.switchboard.runtime.policy.OperationDescriptor;
import dev.switchboard.runtime.security.Caller;
import java.util.Objects;
import java.util.Optional;

/**
 * The server call the current thread is handling: which operation and by when it must be done.
 * Transports enter it around the user's handler; clients called from inside the handler read
 * it to send the remaining deadline downstream, so one deadline spans the whole chain.
 */
public final class CallContext {

    private static final ThreadLocal<CallContext> CURRENT = new ThreadLocal<>();

    private final OperationDescriptor operation;
    private final Deadline deadline;
    private final Caller caller;

    private CallContext(OperationDescriptor operation, Deadline deadline, Caller caller) {
        this.operation = Objects.requireNonNull(operation, "operation");
        this.deadline = deadline;
        this.caller = caller;
    }

    /** The call this thread is handling, if any. */
    public static Optional<CallContext> current() {
        return Optional.ofNullable(CURRENT.get());
    }

    /** The current call's deadline, if this thread handles a call that has one. */
    public static Optional<Deadline> currentDeadline() {
        CallContext context = CURRENT.get();
        return context == null ? Optional.empty() : Optional.ofNullable(context.deadline);
    }

    /** Makes {@code operation} (with an optional deadline) the current call until the scope closes. */
    public static Scope enter(OperationDescriptor operation, Deadline deadline) {
        return enter(operation, deadline, null);
    }

    /** Makes {@code operation}, called by {@code caller} (null: anonymous), the current call until the scope closes. */
    public static Scope enter(OperationDescriptor operation, Deadline deadline, Caller caller) {
        CallContext previous = CURRENT.get();
        CURRENT.set(new CallContext(operation, deadline, caller));
        return () -> {
            if (previous == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(previous);
            }
        };
    }

    public OperationDescriptor operation() {
        return operation;
    }

    /** By when the call must be done, if the caller or the contract set a deadline. */
    public Optional<Deadline> deadline() {
        return Optional.ofNullable(deadline);
    }

    /** Who is calling, when the transport authenticated the caller; empty for an anonymous call. */
    public Optional<Caller> caller() {
        return Optional.ofNullable(caller);
    }

    /** Restores the previous call context; closing twice is harmless only in the same thread. */
    @FunctionalInterface
    public interface Scope extends AutoCloseable {
        @Override
        void close();
    }
}
