package dev.switchboard.nats;

import dev.switchboard.runtime.messaging.DeadLetters;
import dev.switchboard.runtime.messaging.Message;
import dev.switchboard.runtime.messaging.MessageHandler;
import dev.switchboard.runtime.messaging.MessageTransport;
import dev.switchboard.runtime.messaging.OpenConsumers;
import dev.switchboard.runtime.messaging.Subscription;
import dev.switchboard.runtime.policy.Backoff;
import io.nats.client.Connection;
import io.nats.client.JetStream;
import io.nats.client.JetStreamApiException;
import io.nats.client.JetStreamManagement;
import io.nats.client.JetStreamSubscription;
import io.nats.client.Nats;
import io.nats.client.Options;
import io.nats.client.PullSubscribeOptions;
import io.nats.client.api.AckPolicy;
import io.nats.client.api.ConsumerConfiguration;
import io.nats.client.api.DeliverPolicy;
import io.nats.client.api.StorageType;
import io.nats.client.api.StreamConfiguration;
import io.nats.client.impl.NatsMessage;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * NATS JetStream through the official client. Each destination is a subject with a stream of its
 * own (created when first used); each consumer group is a durable pull consumer with explicit
 * acknowledgement and a {@code max-deliver} of the contract's attempts. A retryable failure is
 * negatively acknowledged with the backoff's delay, so JetStream redelivers it later (the one retry
 * layer); a final or non-retryable failure is published to the dead-letter subject with its reason,
 * then terminated. A poison message never blocks the ones behind it.
 */
public final class NatsTransport implements MessageTransport {

    private static final Logger log = LoggerFactory.getLogger(NatsTransport.class);
    private static final Duration FETCH_WAIT = Duration.ofMillis(200);
    /** Messages a worker pulls at once; each is acknowledged on its own after its handler. */
    private static final int FETCH_BATCH = 10;
    private static final Duration ACK_WAIT = Duration.ofSeconds(30);
    /** Groups of point-to-point destinations share one durable: each command goes to one instance. */
    private static final String QUEUE_DURABLE = "switchboard-queue";

    private final Connection connection;
    private final JetStream jetStream;
    private final JetStreamManagement management;
    /** Destination → its stream, once the stream is known to exist. */
    private final Map<String, String> streams = new ConcurrentHashMap<>();
    private final OpenConsumers consumers = new OpenConsumers();

    public NatsTransport(String url) {
        try {
            this.connection = Nats.connect(new Options.Builder().server(url).maxReconnects(-1)
                    .connectionTimeout(Duration.ofSeconds(5)).build());
            this.jetStream = connection.jetStream();
            this.management = connection.jetStreamManagement();
        } catch (IOException e) {
            throw new IllegalStateException("cannot reach NATS at " + url + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while connecting to NATS at " + url, e);
        }
    }

    @Override
    public String name() {
        return "nats";
    }

    @Override
    public CompletableFuture<Void> publish(String destination, Message message) {
        try {
            ensureStream(destination);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
        NatsMessage outgoing = NatsMessage.builder()
                .subject(destination)
                .headers(NatsCloudEvents.headers(message))
                .data(message.payload())
                .build();
        return jetStream.publishAsync(outgoing).thenApply(ack -> null);
    }

    @Override
    public AutoCloseable subscribe(Subscription subscription) {
        String stream = ensureStream(subscription.destination());
        String durable = subscription.mode() == Subscription.Mode.POINT_TO_POINT
                ? QUEUE_DURABLE : NatsNames.durable(subscription.group());
        try {
            management.addOrUpdateConsumer(stream, ConsumerConfiguration.builder()
                    .durable(durable)
                    .filterSubject(subscription.destination())
                    .ackPolicy(AckPolicy.Explicit)
                    .deliverPolicy(DeliverPolicy.All)
                    .ackWait(ACK_WAIT)
                    // A safety net: Switchboard dead-letters on the last attempt itself.
                    .maxDeliver(subscription.retry().attempts() + 1)
                    .build());
        } catch (IOException | JetStreamApiException e) {
            throw new IllegalStateException("cannot create the JetStream consumer " + durable + " on " + stream, e);
        }
        Consumer consumer = new Consumer(subscription, stream, durable);
        consumer.start();
        return consumers.add(consumer::close);
    }

    @Override
    public void close() {
        consumers.closeAll();
        try {
            connection.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private String ensureStream(String subject) {
        String known = streams.get(subject);
        if (known != null) {
            return known;
        }
        String stream = NatsNames.stream(subject);
        try {
            management.getStreamInfo(stream);
        } catch (JetStreamApiException missing) {
            try {
                management.addStream(StreamConfiguration.builder().name(stream).subjects(subject)
                        .storageType(StorageType.File).build());
            } catch (IOException | JetStreamApiException e) {
                throw new IllegalStateException("cannot create the JetStream stream " + stream + " for " + subject, e);
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot reach JetStream to look up " + stream, e);
        }
        streams.put(subject, stream);
        return stream;
    }

    /** The worker threads of one subscription, each pulling from the durable consumer. */
    private final class Consumer {
        private final Subscription subscription;
        private final String stream;
        private final String durable;
        private final Backoff backoff;
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final List<Thread> workers = new ArrayList<>();

        Consumer(Subscription subscription, String stream, String durable) {
            this.subscription = subscription;
            this.stream = stream;
            this.durable = durable;
            this.backoff = new Backoff(subscription.retry(), () -> ThreadLocalRandom.current().nextDouble());
        }

        void start() {
            for (int i = 0; i < subscription.concurrency(); i++) {
                Thread worker = new Thread(this::work, "switchboard-nats-" + subscription.destination() + "-" + i);
                worker.setDaemon(true);
                workers.add(worker);
                worker.start();
            }
        }

        private void work() {
            JetStreamSubscription pull;
            try {
                pull = jetStream.subscribe(subscription.destination(), PullSubscribeOptions.bind(stream, durable));
            } catch (IOException | JetStreamApiException e) {
                log.error("cannot bind to the JetStream consumer {} on {}", durable, stream, e);
                return;
            }
            try {
                while (running.get()) {
                    for (io.nats.client.Message received : pull.fetch(FETCH_BATCH, FETCH_WAIT)) {
                        deliver(received);
                    }
                }
            } catch (IllegalStateException closed) {
                if (running.get()) {
                    log.warn("the NATS subscription on {} closed", subscription.destination(), closed);
                }
            } finally {
                try {
                    pull.unsubscribe();
                } catch (IllegalStateException alreadyClosed) {
                    // The connection went first.
                }
            }
        }

        private void deliver(io.nats.client.Message received) {
            int attempt = (int) received.metaData().deliveredCount();
            int maxAttempts = subscription.retry().attempts();
            Message message;
            try {
                message = NatsCloudEvents.message(received);
            } catch (RuntimeException unreadable) {
                deadLetter(received, NatsCloudEvents.raw(received), unreadable, attempt);
                return;
            }
            try {
                subscription.handler().handle(message, new MessageHandler.Delivery(attempt, maxAttempts,
                        subscription.destination()));
                received.ack();
            } catch (Exception failure) {
                if (DeadLetters.shouldRetry(failure, attempt, maxAttempts)) {
                    received.nakWithDelay(backoff.before(attempt));
                } else {
                    deadLetter(received, message, failure, attempt);
                }
            }
        }

        private void deadLetter(io.nats.client.Message received, Message message, Throwable failure, int attempt) {
            Message dead = DeadLetters.deadLetter(message, failure, attempt, subscription.destination(), subscription.group());
            try {
                publish(subscription.deadLetter(), dead).get(10, TimeUnit.SECONDS);
                received.term();
            } catch (Exception e) {
                log.error("could not dead-letter {} to {}; it will be redelivered", message, subscription.deadLetter(), e);
                received.nakWithDelay(backoff.before(attempt));
            }
        }

        void close() {
            running.set(false);
            for (Thread worker : workers) {
                try {
                    worker.join(Duration.ofSeconds(10).toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }
}
