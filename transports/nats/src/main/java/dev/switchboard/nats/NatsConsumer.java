package dev.switchboard.nats;

import dev.switchboard.runtime.messaging.DeliveryLoop;
import dev.switchboard.runtime.messaging.Message;
import dev.switchboard.runtime.messaging.MessageTransport;
import dev.switchboard.runtime.messaging.Subscription;
import dev.switchboard.runtime.messaging.WorkerThreads;
import io.nats.client.Connection;
import io.nats.client.JetStream;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The worker threads of one subscription, each pulling from the durable consumer and handing every
 * message to the {@link DeliveryLoop}; the hooks are JetStream's own acknowledgements. Each message
 * is acknowledged on its own ({@code AckPolicy.Explicit}): an {@code AckAll} on a durable that
 * several instances share would acknowledge the other instances' messages in flight too.
 */
final class NatsConsumer {

    private static final Logger log = LoggerFactory.getLogger(NatsConsumer.class);
    private static final Duration FETCH_WAIT = Duration.ofMillis(200);
    /** Messages a worker pulls at once; each is acknowledged on its own after its handler. */
    private static final int FETCH_BATCH = 10;
    private static final ScheduledExecutorService PROGRESS = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "switchboard-nats-in-progress");
        thread.setDaemon(true);
        return thread;
    });

    private final Subscription subscription;
    private final Connection connection;
    private final JetStream jetStream;
    private final String stream;
    private final String durable;
    private final DeliveryLoop<io.nats.client.Message> loop;
    private final WorkerThreads workers;
    private final Duration inProgressEvery;
    /** What each running worker holds, for {@link #keepInProgress}. */
    private final Set<Held> held = ConcurrentHashMap.newKeySet();
    private ScheduledFuture<?> progress;

    /**
     * @param transport publishes the dead letters
     * @param ackWait   the durable's: a fetched message not settled yet is told to JetStream as in progress
     *                  ({@code +WPI}) every third of it, so a long handler (or one queued behind it in its batch)
     *                  is not redelivered to another instance meanwhile, where it would only wait as a duplicate
     *                  in flight and use up the consumer's {@code max-deliver}
     */
    NatsConsumer(Subscription subscription, Connection connection, JetStream jetStream, String stream, String durable,
            MessageTransport transport, Duration ackWait) {
        this.subscription = subscription;
        this.connection = connection;
        this.jetStream = jetStream;
        this.stream = stream;
        this.durable = durable;
        this.loop = new DeliveryLoop<>(subscription, new JetStreamHooks(transport));
        this.workers = new WorkerThreads("switchboard-nats-" + subscription.destination(), subscription.concurrency(),
                this::work);
        this.inProgressEvery = ackWait.dividedBy(3);
    }

    /**
     * One task per subscription walks the workers' unsettled messages, rather than one task scheduled and
     * cancelled per fetch: that cost a map and a timer entry every ten messages, and a cancelled entry stayed
     * on the timer until its time came.
     */
    void start() {
        long every = inProgressEvery.toMillis();
        progress = PROGRESS.scheduleAtFixedRate(this::keepInProgress, every, every, TimeUnit.MILLISECONDS);
        workers.start();
    }

    /** A batch subscription fetches its batch (a fetch returns once full or after the wait), handled together. */
    private void work(BooleanSupplier running) {
        DurablePull pull = new DurablePull(connection, jetStream, subscription.destination(), stream, durable);
        Held mine = new Held();
        held.add(mine);
        try {
            Subscription.Batch batch = subscription.batch();
            if (batch == null) {
                pull.run(running, FETCH_BATCH, FETCH_WAIT, fetched -> deliverEach(fetched, mine));
            } else {
                pull.run(running, batch.max(), batch.maxWait(), fetched -> deliverAll(fetched, mine));
            }
        } finally {
            held.remove(mine);
        }
    }

    /** Delivers fetched messages one by one in order, keeping those not settled yet in progress on the server. */
    private void deliverEach(List<io.nats.client.Message> fetched, Held mine) {
        if (fetched.isEmpty()) {
            return;
        }
        Fetched current = mine.hold(fetched);
        try {
            for (io.nats.client.Message received : fetched) {
                loop.deliver(received);
                current.settledOne();
            }
        } finally {
            mine.release();
        }
    }

    private void deliverAll(List<io.nats.client.Message> fetched, Held mine) {
        if (fetched.isEmpty()) {
            return;
        }
        mine.hold(fetched);
        try {
            loop.deliverAll(fetched);
        } finally {
            mine.release();
        }
    }

    private void keepInProgress() {
        for (Held worker : held) {
            Fetched current = worker.current;
            if (current != null) {
                current.keepInProgress();
            }
        }
    }

    /** One worker's fetch being delivered, if any. */
    private static final class Held {
        private volatile Fetched current;

        Fetched hold(List<io.nats.client.Message> fetched) {
            Fetched held = new Fetched(fetched);
            current = held;
            return held;
        }

        void release() {
            current = null;
        }
    }

    /** A fetch delivered in order: the first {@code settled} of its messages are settled, the rest are not. */
    private static final class Fetched {
        private final List<io.nats.client.Message> messages;
        /** Written by its worker alone. */
        private volatile int settled;

        Fetched(List<io.nats.client.Message> messages) {
            this.messages = messages;
        }

        void settledOne() {
            settled++;
        }

        void keepInProgress() {
            for (int i = settled; i < messages.size(); i++) {
                inProgress(messages.get(i));
            }
        }
    }

    private static void inProgress(io.nats.client.Message received) {
        try {
            received.inProgress();
        } catch (RuntimeException e) {
            log.debug("could not tell JetStream a message is still in progress", e);
        }
    }

    /** Lets the in-flight handlers finish (up to 10 s each), then stops. */
    void close() {
        if (progress != null) {
            progress.cancel(false);
        }
        workers.close();
    }
}
