package dev.switchboard.kafka;

import dev.switchboard.runtime.messaging.DeliveryHooks;
import dev.switchboard.runtime.messaging.Message;
import dev.switchboard.runtime.messaging.MessageTransport;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;

/**
 * What every Kafka listener's hooks share: a delivery is a record, read as a binary-mode CloudEvent,
 * and dead letters go out through the transport. How a delivery is settled is each listener's own.
 *
 * @param <D> the listener's delivery
 */
abstract class KafkaHooks<D extends KafkaHooks.Received> implements DeliveryHooks<D> {

    /** A delivery: the record, whatever else the listener settles it with. */
    interface Received {
        ConsumerRecord<String, byte[]> record();

        default TopicPartition partition() {
            return new TopicPartition(record().topic(), record().partition());
        }
    }

    private final MessageTransport transport;

    /** @param transport publishes the dead letters */
    KafkaHooks(MessageTransport transport) {
        this.transport = transport;
    }

    @Override
    public Message read(D received) {
        return KafkaCloudEvents.message(received.record());
    }

    @Override
    public Message salvage(D received) {
        return KafkaCloudEvents.salvage(received.record());
    }

    @Override
    public CompletableFuture<Void> publish(String destination, Message message) {
        return transport.publish(destination, message);
    }
}
