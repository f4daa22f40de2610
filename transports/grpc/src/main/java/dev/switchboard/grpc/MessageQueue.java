package dev.switchboard.grpc;

import dev.switchboard.runtime.ErrorCode;
import dev.switchboard.runtime.SwitchboardException;
import dev.switchboard.runtime.pipeline.StreamOutcome;
import dev.switchboard.runtime.stream.StreamSource;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Consumer;
import java.util.function.IntConsumer;

/**
 * The blocking side of a gRPC message stream: gRPC's callbacks offer messages, a reader iterates
 * them. Flow control is explicit: a small window is requested up front and one more message each
 * time the reader takes one, so a slow reader slows the sender instead of filling memory.
 */
public final class MessageQueue<T> implements StreamSource<T> {

    /** Messages asked for ahead of the reader. */
    static final int WINDOW = 8;

    private static final Object END = new Object();

    private final LinkedBlockingQueue<Object> entries = new LinkedBlockingQueue<>();
    private final IntConsumer request;
    private final Runnable cancel;
    private volatile boolean iterated;
    private volatile boolean finished;
    private volatile StreamOutcome outcome = StreamOutcome.NONE;

    /**
     * @param request asks the peer for that many more messages
     * @param cancel  what closing before the end does (cancel the call); may do nothing
     */
    public MessageQueue(IntConsumer request, Runnable cancel) {
        this.request = request;
        this.cancel = cancel;
    }

    /** Asks for the first window of messages; call once the call has started. */
    public void start() {
        request.accept(WINDOW);
    }

    /**
     * Where the stream reports, once, how it ended: the reader reached the end, a failure, or closed
     * it early. A client stream's observation stops there.
     */
    public void onEnd(StreamOutcome outcome) {
        this.outcome = outcome;
    }

    public void offer(T message) {
        entries.add(message);
    }

    public void complete() {
        entries.add(END);
    }

    public void fail(SwitchboardException failure) {
        entries.add(failure);
    }

    @Override
    public Iterator<T> iterator() {
        if (iterated) {
            throw new IllegalStateException("a stream can be read once");
        }
        iterated = true;
        return new Iterator<>() {
            private Object next;

            @Override
            public boolean hasNext() {
                if (next == null) {
                    next = take();
                }
                if (next == END) {
                    return false;
                }
                if (next instanceof SwitchboardException failure) {
                    next = END;
                    throw failure;
                }
                return true;
            }

            @Override
            @SuppressWarnings("unchecked")
            public T next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                T message = (T) next;
                next = null;
                request.accept(1);
                return message;
            }
        };
    }

    private Object take() {
        if (finished) {
            return END;
        }
        Object entry;
        try {
            entry = entries.take();
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            close();
            throw new SwitchboardException(ErrorCode.CANCELLED, ErrorCode.CANCELLED.name(),
                    "interrupted while reading a stream", Map.of(), interrupted);
        }
        if (entry == END) {
            finish(StreamOutcome::completed);
        } else if (entry instanceof SwitchboardException failure) {
            finish(ending -> ending.failed(failure));
        }
        return entry;
    }

    @Override
    public void close() {
        if (!finished) {
            cancel.run();
            finish(StreamOutcome::closedByCaller);
        }
    }

    private synchronized void finish(Consumer<StreamOutcome> report) {
        if (!finished) {
            finished = true;
            report.accept(outcome);
        }
    }
}
