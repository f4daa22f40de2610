package dev.switchboard.nats;

import dev.switchboard.runtime.messaging.Message;
import dev.switchboard.runtime.messaging.MessageTransport;
import dev.switchboard.runtime.messaging.OpenConsumers;
import dev.switchboard.runtime.messaging.OrderShards;
import dev.switchboard.runtime.messaging.PublishCompletions;
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
import io.nats.client.api.StreamInfo;
import io.nats.client.impl.NatsMessage;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
 *
 * <p>An ordered destination is split into shard subjects by a hash of the key ({@link OrderShards}),
 * each consumed by a durable of its own with one message in flight ({@link NatsOrderedConsumer}).
 */
public final class NatsTransport implements MessageTransport {

    private static final Duration ACK_WAIT = Duration.ofSeconds(30);
    /** Groups of point-to-point destinations share one durable: each command goes to one instance. */
    private static final String QUEUE_DURABLE = "switchboard-queue";

    /** Shard subjects per ordered destination unless configured. */
    public static final int DEFAULT_ORDERED_SHARDS = 4;

    private final Connection connection;
    private final boolean ownsConnection;
    private final JetStream jetStream;
    private final JetStreamManagement management;
    /** Destination → its stream, once the stream is known to exist. */
    private final Map<String, String> streams = new ConcurrentHashMap<>();
    /** Destinations declared or subscribed as ordered: their messages go to shard subjects. */
    private final Set<String> ordered = ConcurrentHashMap.newKeySet();
    private final int orderedShards;
    private final int streamReplicas;
    private final OpenConsumers consumers = new OpenConsumers();
    /** How long JetStream waits for an unordered consumer's ack before it delivers the message again. */
    private final Duration ackWait;
    private final PublishCompletions completions = new PublishCompletions("switchboard-nats-acks");

    /**
     * Over a connection the application owns (the starter's {@code Connection} bean, which health and
     * metrics watch too); closing the transport leaves it open.
     */
    public NatsTransport(Connection connection) {
        this(connection, DEFAULT_ORDERED_SHARDS);
    }

    /**
     * @param orderedShards shard subjects of each ordered destination, the same for its publishers and
     *     consumers; changing it is a redeploy of both (docs/messaging.md)
     */
    public NatsTransport(Connection connection, int orderedShards) {
        this(connection, orderedShards, 1);
    }

    /**
     * @param orderedShards  shard subjects of each ordered destination (see above)
     * @param streamReplicas how many servers of a JetStream cluster keep each stream Switchboard
     *     creates: a server acknowledges a publish before its file store reaches the disk, so a server
     *     killed on its own can lose acknowledged messages; with 3 replicas a publish is acknowledged
     *     once a quorum holds it, and one server killed loses nothing (docs/messaging.md)
     */
    public NatsTransport(Connection connection, int orderedShards, int streamReplicas) {
        this(connection, false, orderedShards, streamReplicas);
    }

    /** Connects with {@code options} (servers, credentials, TLS); closing the transport closes the connection. */
    public NatsTransport(Options options) {
        this(connect(options), true, DEFAULT_ORDERED_SHARDS, 1);
    }

    /** With another ack wait for its unordered consumers than the 30 s every other constructor gives: for tests. */
    NatsTransport(Connection connection, Duration ackWait) {
        this(connection, false, DEFAULT_ORDERED_SHARDS, 1, ackWait);
    }

    private NatsTransport(Connection connection, boolean ownsConnection, int orderedShards, int streamReplicas) {
        this(connection, ownsConnection, orderedShards, streamReplicas, ACK_WAIT);
    }

    private NatsTransport(Connection connection, boolean ownsConnection, int orderedShards, int streamReplicas,
            Duration ackWait) {
        if (orderedShards < 1) {
            throw new IllegalArgumentException("ordered shards must be at least 1, got " + orderedShards);
        }
        if (streamReplicas < 1 || streamReplicas > 5) {
            throw new IllegalArgumentException("stream replicas must be 1 to 5, got " + streamReplicas);
        }
        this.orderedShards = orderedShards;
        this.streamReplicas = streamReplicas;
        this.connection = connection;
        this.ownsConnection = ownsConnection;
        this.ackWait = ackWait;
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

    /** An ordered destination's messages go to its shard subjects, which its stream is (re)configured for. */
    @Override
    public void declare(String destination, Subscription.Mode mode, boolean ordered) {
        if (ordered) {
            orderedFrom(destination);
            ensureStream(destination);
        }
    }

    /** Marks a destination ordered; a stream looked up before is looked at again for the shard subjects. */
    private void orderedFrom(String destination) {
        if (ordered.add(destination)) {
            streams.remove(destination);
        }
    }

    /** The subject of one shard of an ordered destination. */
    static String shardSubject(String destination, int shard) {
        return destination + "." + shard;
    }

    @Override
    public CompletableFuture<Void> publish(String destination, Message message) {
        try {
            ensureStream(destination);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
        NatsMessage outgoing = NatsMessage.builder()
                .subject(ordered.contains(destination)
                        ? shardSubject(destination, OrderShards.of(message.subject(), orderedShards)) : destination)
                .headers(NatsCloudEvents.headers(message))
                .data(message.payload())
                .build();
        return completions.handOff(jetStream.publishAsync(outgoing)).<Void>thenApply(ack -> null)
                .whenComplete((done, failure) -> {
                    if (failure != null) {
                        // A server restarted without its store lost the stream: look it up (and create it) again.
                        streams.remove(destination);
                    }
                });
    }

    @Override
    public AutoCloseable subscribe(Subscription subscription) {
        if (subscription.ordered()) {
            orderedFrom(subscription.destination());
        }
        String stream = ensureStream(subscription.destination());
        String durable = subscription.mode() == Subscription.Mode.POINT_TO_POINT
                ? QUEUE_DURABLE : NatsNames.durable(subscription.group());
        if (subscription.ordered()) {
            return subscribeInOrder(subscription, stream, durable);
        }
        try {
            management.addOrUpdateConsumer(stream, ConsumerConfiguration.builder()
                    .durable(durable)
                    .filterSubject(subscription.destination())
                    .ackPolicy(AckPolicy.Explicit)
                    .deliverPolicy(DeliverPolicy.All)
                    .ackWait(ackWait)
                    // A safety net: Switchboard dead-letters on the last attempt itself.
                    .maxDeliver(subscription.retry().attempts() + 1)
                    .build());
        } catch (IOException | JetStreamApiException e) {
            throw new IllegalStateException("cannot create the JetStream consumer " + durable + " on " + stream, e);
        }
        NatsConsumer consumer = new NatsConsumer(subscription, connection, jetStream, stream, durable, this, ackWait);
        consumer.start();
        return consumers.add(consumer::close);
    }

    /**
     * One durable per shard with a single message in flight ({@link NatsOrderedConsumer}); its ack wait
     * covers every in-place retry's backoff, so JetStream never hands the message to another instance
     * while this one still retries it.
     */
    private AutoCloseable subscribeInOrder(Subscription subscription, String stream, String durable) {
        Duration retries = subscription.retry().maxBackoff().multipliedBy(subscription.retry().attempts());
        List<String> durables = new ArrayList<>();
        for (int shard = 0; shard < orderedShards; shard++) {
            String shardDurable = durable + "_shard" + shard;
            try {
                management.addOrUpdateConsumer(stream, ConsumerConfiguration.builder()
                        .durable(shardDurable)
                        .filterSubject(shardSubject(subscription.destination(), shard))
                        .ackPolicy(AckPolicy.Explicit)
                        .deliverPolicy(DeliverPolicy.All)
                        .ackWait(ACK_WAIT.plus(retries))
                        .maxAckPending(1)
                        .maxDeliver(subscription.retry().attempts() + 1)
                        .build());
            } catch (IOException | JetStreamApiException e) {
                throw new IllegalStateException("cannot create the JetStream consumer " + shardDurable + " on "
                        + stream, e);
            }
            durables.add(shardDurable);
        }
        NatsOrderedConsumer consumer = new NatsOrderedConsumer(subscription, connection, jetStream, stream, durables, this);
        consumer.start();
        return consumers.add(consumer::close);
    }

    /** Stops every consumer after its in-flight handlers, then the connection if the transport opened it. */
    @Override
    public void close() {
        consumers.closeAll();
        completions.close();
        if (ownsConnection) {
            try {
                connection.close();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * The destination's stream: its subject, or for an ordered destination its shard subjects
     * ({@code <destination>.*}), added to a stream that had only the plain one.
     */
    private String ensureStream(String subject) {
        String known = streams.get(subject);
        if (known != null) {
            return known;
        }
        String stream = NatsNames.stream(subject);
        String subjects = ordered.contains(subject) ? subject + ".*" : subject;
        try {
            StreamInfo info = management.getStreamInfo(stream);
            List<String> existing = info.getConfiguration().getSubjects();
            if (existing.contains(subject + ".*") && ordered.add(subject)) {
                // Sharded by a publisher or consumer that knew it is ordered: an outbox relay sending
                // rows another instance wrote may not have been told, and must route to the shards too.
                subjects = subject + ".*";
            }
            if (!existing.contains(subjects)) {
                List<String> more = new ArrayList<>(existing);
                more.add(subjects);
                management.updateStream(StreamConfiguration.builder(info.getConfiguration()).subjects(more).build());
            }
        } catch (JetStreamApiException missing) {
            try {
                management.addStream(StreamConfiguration.builder().name(stream).subjects(subjects)
                        .replicas(streamReplicas)
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
