package dev.switchboard.nats;

import dev.switchboard.runtime.messaging.DeliveryLoop;
import dev.switchboard.runtime.messaging.Message;
import dev.switchboard.runtime.messaging.MessageTransport;
import dev.switchboard.runtime.messaging.Subscription;
import dev.switchboard.runtime.messaging.WorkerThreads;
import io.nats.client.Connection;
import io.nats.client.JetStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * An ordered subscription on JetStream: the destination's subject is split into shard subjects
 * ({@code <destination>.<shard>}, by a hash of the key, see {@link NatsTransport}), and the group has one
 * durable pull consumer per shard with {@code max_ack_pending} 1. JetStream then hands a shard's next
 * message to whichever instance asks only once the previous one is acknowledged or terminated, so the
 * shard, and every key in it, is handled in publish order by the whole group, several instances
 * included, with no lease to manage. Each instance pulls every shard on a thread of its own and runs the
 * {@link DeliveryLoop} there, which retries a failure in place, holding back its shard.
 *
 * <p>Why not a bigger {@code max_ack_pending} with keys side by side in process: two instances pulling
 * one durable would then split a shard's messages between them, and the server installed (2.9) has
 * neither pinned clients nor priority groups (2.11) to keep one instance on a shard. The price is one
 * message in flight per shard across the group: more shards, more parallelism.
 */
final class NatsOrderedConsumer {

    private static final Duration FETCH_WAIT = Duration.ofMillis(200);

    private final Connection connection;
    private final JetStream jetStream;
    private final String stream;
    private final DeliveryLoop<io.nats.client.Message> loop;
    private final List<WorkerThreads> pullers = new ArrayList<>();

    /**
     * @param durables  the group's durable consumer of each shard, in shard order
     * @param transport publishes the dead letters
     */
    NatsOrderedConsumer(Subscription subscription, Connection connection, JetStream jetStream, String stream,
            List<String> durables, MessageTransport transport) {
        this.connection = connection;
        this.jetStream = jetStream;
        this.stream = stream;
        this.loop = new DeliveryLoop<>(subscription, new JetStreamHooks(transport));
        for (int shard = 0; shard < durables.size(); shard++) {
            String durable = durables.get(shard);
            String subject = NatsTransport.shardSubject(subscription.destination(), shard);
            pullers.add(new WorkerThreads("switchboard-nats-ordered-" + subject, 1,
                    running -> pull(subject, durable, running)));
        }
    }

    void start() {
        pullers.forEach(WorkerThreads::start);
    }

    private void pull(String subject, String durable, BooleanSupplier running) {
        new DurablePull(connection, jetStream, subject, stream, durable).run(running, 1, FETCH_WAIT,
                fetched -> fetched.forEach(loop::deliver));
    }

    /** Lets the in-flight handlers finish (up to 10 s each), then stops. */
    void close() {
        pullers.forEach(WorkerThreads::close);
    }
}
