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
    /**
     * How often a fetched message not yet settled tells JetStream it is still being worked on
     * ({@code +WPI}), well within the consumer's ack wait: a long handler (or one queued behind it in
     * its batch) is not redelivered to another instance meanwhile, so it neither waits there as a
     * duplicate in flight nor uses up the consumer's {@code max-deliver} with such redeliveries.
     */
    static final Duration IN_PROGRESS_EVERY = Duration.ofSeconds(10);
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

    /** @param transport publishes the dead letters */
    NatsConsumer(Subscription subscription, Connection connection, JetStream jetStream, String stream, String durable,
            MessageTransport transport) {
        this.subscription = subscription;
        this.connection = connection;
        this.jetStream = jetStream;
        this.stream = stream;
        this.durable = durable;
        this.loop = new DeliveryLoop<>(subscription, new JetStreamHooks(transport));
        this.workers = new WorkerThreads("switchboard-nats-" + subscription.destination(), subscription.concurrency(),
                this::work);
    }

    void start() {
        workers.start();
    }

    /** A batch subscription fetches its batch (a fetch returns once full or after the wait), handled together. */
    private void work(BooleanSupplier running) {
        DurablePull pull = new DurablePull(connection, jetStream, subscription.destination(), stream, durable);
        Subscription.Batch batch = subscription.batch();
        if (batch == null) {
            pull.run(running, FETCH_BATCH, FETCH_WAIT, this::deliverEach);
        } else {
            pull.run(running, batch.max(), batch.maxWait(), this::deliverAll);
        }
    }

    /** Delivers fetched messages one by one in order, keeping those not settled yet in progress on the server. */
    private void deliverEach(List<io.nats.client.Message> fetched) {
        if (fetched.isEmpty()) {
            return;
        }
        try (KeptInProgress kept = new KeptInProgress(fetched)) {
            for (io.nats.client.Message received : fetched) {
                loop.deliver(received);
                kept.settled(received);
            }
        }
    }

    private void deliverAll(List<io.nats.client.Message> fetched) {
        if (fetched.isEmpty()) {
            return;
        }
        try (KeptInProgress kept = new KeptInProgress(fetched)) {
            loop.deliverAll(fetched);
        }
    }

    /** Fetched messages told to JetStream as in progress every {@link #IN_PROGRESS_EVERY} until settled or closed. */
    private static final class KeptInProgress implements AutoCloseable {

        private final Set<io.nats.client.Message> unsettled = ConcurrentHashMap.newKeySet();
        private final ScheduledFuture<?> progress;

        KeptInProgress(List<io.nats.client.Message> fetched) {
            unsettled.addAll(fetched);
            long every = IN_PROGRESS_EVERY.toMillis();
            progress = PROGRESS.scheduleAtFixedRate(() -> unsettled.forEach(NatsConsumer::inProgress), every, every,
                    TimeUnit.MILLISECONDS);
        }

        void settled(io.nats.client.Message received) {
            unsettled.remove(received);
        }

        @Override
        public void close() {
            progress.cancel(false);
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
        workers.close();
    }
}
