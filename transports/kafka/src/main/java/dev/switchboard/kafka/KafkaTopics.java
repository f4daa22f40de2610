package dev.switchboard.kafka;

import java.util.Map;
import java.util.Objects;

/**
 * How Switchboard provisions the topics it publishes to and consumes from: whether it creates them
 * (clusters where topic creation is locked down create them beforehand, and Switchboard only checks
 * they exist), and with how many partitions and replicas, per destination where one is named.
 *
 * @param create whether a missing topic is created; when {@code false} a missing topic is an error naming it
 * @param partitions partitions of a created topic, unless its destination says otherwise
 * @param replicas replicas of a created topic; {@code null}: as many as the cluster allows, at most 3
 * @param destinations settings of single destinations (dead-letter topics are destinations too)
 */
public record KafkaTopics(boolean create, int partitions, Integer replicas, Map<String, Settings> destinations) {

    /** Switchboard's defaults: create topics of 3 partitions, replicated as the cluster allows. */
    public static final KafkaTopics DEFAULTS = new KafkaTopics(true, 3, null, Map.of());

    /** At most this many replicas when the cluster decides. */
    static final int MAX_DEFAULT_REPLICAS = 3;

    public KafkaTopics {
        if (partitions < 1) {
            throw new IllegalArgumentException("partitions must be at least 1, got " + partitions);
        }
        if (replicas != null && replicas < 1) {
            throw new IllegalArgumentException("replicas must be at least 1, got " + replicas);
        }
        destinations = Map.copyOf(Objects.requireNonNull(destinations, "destinations"));
    }

    /**
     * One destination's own settings; a {@code null} falls back to the topics' settings.
     *
     * @param partitions partitions of the topic when created
     * @param replicas replicas of the topic when created
     */
    public record Settings(Integer partitions, Integer replicas) {}

    /** Partitions a created {@code destination} gets. */
    public int partitions(String destination) {
        Settings own = destinations.get(destination);
        return own != null && own.partitions() != null ? own.partitions() : partitions;
    }

    /** Replicas a created {@code destination} gets, or {@code null} when the cluster's size decides. */
    public Integer replicas(String destination) {
        Settings own = destinations.get(destination);
        return own != null && own.replicas() != null ? own.replicas() : replicas;
    }
}
