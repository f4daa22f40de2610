package dev.switchboard.nats;

import dev.switchboard.runtime.messaging.Message;
import dev.switchboard.runtime.messaging.MessageTransport;
import dev.switchboard.runtime.messaging.OpenConsumers;
import dev.switchboard.runtime.messaging.Subscription;
import io.nats.client.Connection;
import io.nats.client.JetStream;
import io.nats.client.JetStreamApiException;
import io.nats.client.JetStreamManagement;
import io.nats.client.Nats;
import io.nats.client.Options;
import io.nats.client.api.AckPolicy;
import io.nats.client.api.ConsumerConfiguration;
import io.nats.client.api.DeliverPolicy;
import io.nats.client.api.StorageType;
import io.nats.client.api.StreamConfiguration;
import io.nats.client.impl.NatsMessage;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * NATS JetStream through the official client. Each destination is a subject with a stream of its
 * own (created when first used); each consumer group is a durable pull consumer with explicit
 * acknowledgement and a {@code max-deliver} of the contract's attempts. Deliveries go through the
 * runtime's {@code DeliveryLoop} with JetStream's acknowledgements as its hooks ({@link NatsConsumer}):
 * a retryable failure is negatively acknowledged with the backoff's delay, so JetStream redelivers
 * it later (the one retry layer); a final or non-retryable failure is published to the dead-letter
 * subject with its reason, then terminated. A poison message never blocks the ones behind it.
 */
public final class NatsTransport implements MessageTransport {

    private static final Duration ACK_WAIT = Duration.ofSeconds(30);
    /** Groups of point-to-point destinations share one durable: each command goes to one instance. */
    private static final String QUEUE_DURABLE = "switchboard-queue";

    private final Connection connection;
    private final boolean ownsConnection;
    private final JetStream jetStream;
    private final JetStreamManagement management;
    /** Destination → its stream, once the stream is known to exist. */
    private final Map<String, String> streams = new ConcurrentHashMap<>();
    private final OpenConsumers consumers = new OpenConsumers();

    /**
     * Over a connection the application owns (the starter's {@code Connection} bean, which health and
     * metrics watch too); closing the transport leaves it open.
     */
    public NatsTransport(Connection connection) {
        this(connection, false);
    }

    /** Connects with {@code options} (servers, credentials, TLS); closing the transport closes the connection. */
    public NatsTransport(Options options) {
        this(connect(options), true);
    }

    private NatsTransport(Connection connection, boolean ownsConnection) {
        this.connection = connection;
        this.ownsConnection = ownsConnection;
        try {
            this.jetStream = connection.jetStream();
            this.management = connection.jetStreamManagement();
        } catch (IOException e) {
            throw new IllegalStateException("JetStream is not available on " + connection.getConnectedUrl(), e);
        }
    }

    /**
     * Connects once (no retry of the first connection, so a wrong address, certificate or password
     * fails at startup), naming the servers and why they refused, which jnats tells only its error
     * listener.
     */
    public static Connection connect(Options options) {
        ConnectFailures failures = new ConnectFailures(options.getErrorListener());
        try {
            return Nats.connect(new Options.Builder(options).errorListener(failures).build());
        } catch (IOException e) {
            throw new IllegalStateException("cannot connect to NATS at " + options.getServers() + ": " + e.getMessage()
                    + (failures.seen().isEmpty() ? "" : " " + failures.seen()), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while connecting to NATS at " + options.getServers(), e);
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
        NatsConsumer consumer = new NatsConsumer(subscription, jetStream, stream, durable, this);
        consumer.start();
        return consumers.add(consumer::close);
    }

    /** Stops every consumer after its in-flight handlers, then the connection if the transport opened it. */
    @Override
    public void close() {
        consumers.closeAll();
        if (ownsConnection) {
            try {
                connection.close();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
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
}
