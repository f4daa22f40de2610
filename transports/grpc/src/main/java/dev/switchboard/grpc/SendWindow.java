package dev.switchboard.grpc;

import dev.switchboard.runtime.ErrorCode;
import dev.switchboard.runtime.SwitchboardException;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * Blocks a sender until gRPC's transport can take another message (its {@code isReady}), woken by
 * the call's on-ready callback, so a blocking {@code send} honours flow control.
 */
public final class SendWindow {

    private final BooleanSupplier ready;
    private volatile boolean closed;
    private volatile SwitchboardException closedWith;

    public SendWindow(BooleanSupplier ready) {
        this.ready = ready;
    }

    /** Call from the transport's on-ready callback. */
    public synchronized void signal() {
        notifyAll();
    }

    /** The call ended (cancelled, failed or completed): senders stop waiting and fail with {@code reason}. */
    public synchronized void close(SwitchboardException reason) {
        closed = true;
        closedWith = reason;
        notifyAll();
    }

    public boolean isClosed() {
        return closed;
    }

    /** Returns once a message may be sent; throws the close reason if the call ended first. */
    public synchronized void await() {
        while (!closed && !ready.getAsBoolean()) {
            try {
                // The timeout is a safety net only: on-ready callbacks wake senders.
                wait(50);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                throw new SwitchboardException(ErrorCode.CANCELLED, ErrorCode.CANCELLED.name(),
                        "interrupted while waiting to send", Map.of(), interrupted);
            }
        }
        if (closed) {
            throw closedWith;
        }
    }
}
