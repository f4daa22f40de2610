package dev.switchboard.rabbitmq;

import dev.switchboard.runtime.messaging.OrderShards;
import java.util.ArrayList;
import java.util.List;
import org.springframework.amqp.core.Binding;
import org.springframework.amqp.core.QueueBuilder;
import org.springframework.amqp.rabbit.core.RabbitAdmin;

/**
 * The shard queues of an ordered destination. Every publisher routes a keyed message by a fixed
 * hash of its key to one of {@link #SLOTS} routing keys ({@code slot.<n>}), whatever the consumers'
 * shard count, and a message without a key by the destination's name; unordered queues, bound with
 * {@code #}, get them all as before. An ordered consumer group binds slot {@code n} to its queue
 * {@code <queue>.shard-<n mod shards>} (the keyless ones to shard 0), each queue with
 * {@code x-single-active-consumer}, so one instance at a time consumes a shard, in order: a key's
 * messages are in one queue, read by one consumer. Only the routing key is needed, no broker plugin
 * (the consistent-hash exchange would be one).
 */
final class RabbitShards {

    /** Routing slots of keyed messages; a group's shard count above it would leave shards empty. */
    static final int SLOTS = 64;

    private RabbitShards() {}

    /** The routing key of a message: its slot when it has a key, else the destination. */
    static String routingKey(String destination, String key) {
        return key == null ? destination : "slot." + OrderShards.of(key, SLOTS);
    }

    static List<String> queues(String queue, int shards) {
        List<String> names = new ArrayList<>();
        for (int shard = 0; shard < shards; shard++) {
            names.add(queue + ".shard-" + shard);
        }
        return names;
    }

    /** Declares the shard queues of {@code queue} and binds every slot of {@code exchange} to one of them. */
    static List<String> declare(RabbitAdmin admin, String exchange, String queue, int shards) {
        List<String> names = queues(queue, shards);
        for (String name : names) {
            admin.declareQueue(QueueBuilder.durable(name).singleActiveConsumer().build());
        }
        for (int slot = 0; slot < SLOTS; slot++) {
            admin.declareBinding(new Binding(names.get(slot % shards), Binding.DestinationType.QUEUE, exchange,
                    "slot." + slot, null));
        }
        admin.declareBinding(new Binding(names.get(0), Binding.DestinationType.QUEUE, exchange, exchange, null));
        return names;
    }
}
