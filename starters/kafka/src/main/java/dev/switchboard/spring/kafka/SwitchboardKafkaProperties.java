package dev.switchboard.spring.kafka;

import dev.switchboard.kafka.KafkaTopics;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code switchboard.messaging.kafka.*}: how Switchboard provisions its topics. Everything about the
 * clients themselves (bootstrap servers, security, SASL, SSL bundle, client id, producer and consumer
 * settings) is Spring Boot's {@code spring.kafka.*}.
 */
@ConfigurationProperties("switchboard.messaging.kafka")
public class SwitchboardKafkaProperties {

    /**
     * Whether Switchboard creates the topics it uses (and their dead-letter topics) when missing.
     * Where topic creation is locked down, set {@code false}: a missing topic is then an error naming
     * it, at startup for a subscription, at the publish for a publisher.
     */
    private boolean createTopics = true;

    /** Partitions of a topic Switchboard creates. */
    private int partitions = KafkaTopics.DEFAULTS.partitions();

    /** Replicas of a topic Switchboard creates; unset: as many as the cluster has brokers, at most 3. */
    private Integer replicas;

    /**
     * Settings of single destinations, by topic name; a name with dots needs brackets:
     * {@code switchboard.messaging.kafka.topics[orders.placed].partitions=12}.
     */
    private Map<String, Topic> topics = new LinkedHashMap<>();

    /** Partitions and replicas of one destination's topic; unset values fall back to the shared ones. */
    public static class Topic {

        /** Partitions of this topic when Switchboard creates it. */
        private Integer partitions;

        /** Replicas of this topic when Switchboard creates it. */
        private Integer replicas;

        public Integer getPartitions() {
            return partitions;
        }

        public void setPartitions(Integer partitions) {
            this.partitions = partitions;
        }

        public Integer getReplicas() {
            return replicas;
        }

        public void setReplicas(Integer replicas) {
            this.replicas = replicas;
        }
    }

    /** The transport's view of these settings. */
    KafkaTopics toTopics() {
        Map<String, KafkaTopics.Settings> destinations = topics.entrySet().stream().collect(Collectors.toMap(
                Map.Entry::getKey, e -> new KafkaTopics.Settings(e.getValue().getPartitions(), e.getValue().getReplicas())));
        return new KafkaTopics(createTopics, partitions, replicas, destinations);
    }

    public boolean isCreateTopics() {
        return createTopics;
    }

    public void setCreateTopics(boolean createTopics) {
        this.createTopics = createTopics;
    }

    public int getPartitions() {
        return partitions;
    }

    public void setPartitions(int partitions) {
        this.partitions = partitions;
    }

    public Integer getReplicas() {
        return replicas;
    }

    public void setReplicas(Integer replicas) {
        this.replicas = replicas;
    }

    public Map<String, Topic> getTopics() {
        return topics;
    }

    public void setTopics(Map<String, Topic> topics) {
        this.topics = topics;
    }
}
