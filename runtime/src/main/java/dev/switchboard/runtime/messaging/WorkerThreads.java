package dev.switchboard.runtime.messaging;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * The daemon threads a pulling consumer takes its messages on: started together, each running its
 * work while the subscription is open; closing lets the in-flight handlers finish (up to 10 s each).
 */
public final class WorkerThreads implements AutoCloseable {

    private static final Duration FINISH = Duration.ofSeconds(10);

    private final AtomicBoolean running = new AtomicBoolean(true);
    private final List<Thread> workers = new ArrayList<>();

    /**
     * @param name  the threads' names are {@code <name>-<n>}
     * @param work  what each thread runs; it returns once the supplier it is given says {@code false}
     */
    public WorkerThreads(String name, int count, Consumer<BooleanSupplier> work) {
        for (int i = 0; i < count; i++) {
            Thread worker = new Thread(() -> work.accept(running::get), name + "-" + i);
            worker.setDaemon(true);
            workers.add(worker);
        }
    }

    public void start() {
        workers.forEach(Thread::start);
    }

    @Override
    public void close() {
        running.set(false);
        for (Thread worker : workers) {
            try {
                worker.join(FINISH.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
