package dev.switchboard.kafka;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.common.TopicPartition;

/**
 * Which attempt a redelivered record is on. Kafka counts no deliveries, so the record a partition was
 * sought back to is remembered with its next attempt, as spring-kafka's own error handlers do; a
 * rebalance that moves the partition to another instance starts it again at the first attempt there.
 */
final class KafkaAttempts {

    private record Retrying(long offset, int attempt) {}

    private final Map<TopicPartition, Retrying> retrying = new ConcurrentHashMap<>();

    /** The attempt {@code received} is on: the remembered one when its partition went back to it, else the first. */
    int of(KafkaHooks.Received received) {
        Retrying known = retrying.get(received.partition());
        return known != null && known.offset() == received.record().offset() ? known.attempt() : 1;
    }

    /** Its partition goes back to {@code received}, which comes again as {@code attempt}. */
    void again(KafkaHooks.Received received, int attempt) {
        retrying.put(received.partition(), new Retrying(received.record().offset(), attempt));
    }

    /** Its partition moved past {@code received}. */
    void settled(KafkaHooks.Received received) {
        retrying.remove(received.partition());
    }
}
