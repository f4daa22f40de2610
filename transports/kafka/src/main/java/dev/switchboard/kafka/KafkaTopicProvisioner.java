package dev.switchboard.kafka;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * Makes sure a topic exists before Switchboard uses it, once per topic: creates it through the
 * application's {@link KafkaAdmin} as {@link KafkaTopics} says, or, where Switchboard must not create
 * topics, checks that it exists and fails naming it when it does not.
 */
final class KafkaTopicProvisioner {

    private static final long CLUSTER_SECONDS = 30;

    private final KafkaAdmin admin;
    private final KafkaTopics settings;
    private final Map<String, Integer> partitions = new ConcurrentHashMap<>();
    private volatile Integer clusterReplicas;

    KafkaTopicProvisioner(KafkaAdmin admin, KafkaTopics settings) {
        this.admin = admin;
        this.settings = settings;
    }

    /** Whether {@code topic} was checked or created already, so publishing to it waits for no admin call. */
    boolean isProvisioned(String topic) {
        return partitions.containsKey(topic);
    }

    /** Makes sure {@code topic} exists; returns its partition count (the most consumers that share it usefully). */
    int ensure(String topic) {
        return partitions.computeIfAbsent(topic, name -> settings.create() ? create(name) : existing(name));
    }

    private int create(String topic) {
        int count = settings.partitions(topic);
        Integer replicas = settings.replicas(topic);
        try {
            int replicaCount = replicas != null ? replicas : clusterReplicas();
            admin.createOrModifyTopics(TopicBuilder.name(topic).partitions(count).replicas(replicaCount).build());
        } catch (RuntimeException e) {
            throw new IllegalStateException("cannot create Kafka topic '" + topic + "' (" + count + " partitions): "
                    + rootMessage(e), e);
        }
        return count;
    }

    private int existing(String topic) {
        try {
            TopicDescription description = admin.describeTopics(topic).get(topic);
            return description.partitions().size();
        } catch (RuntimeException e) {
            if (causedBy(e, UnknownTopicOrPartitionException.class)) {
                throw new IllegalStateException("Kafka topic '" + topic + "' does not exist, and Switchboard does not "
                        + "create topics here (switchboard.messaging.kafka.create-topics=false): create it on the cluster "
                        + "first", e);
            }
            throw new IllegalStateException("cannot check Kafka topic '" + topic + "': " + rootMessage(e), e);
        }
    }

    /** As many replicas as the cluster has brokers, at most {@value KafkaTopics#MAX_DEFAULT_REPLICAS}. */
    private int clusterReplicas() {
        if (clusterReplicas == null) {
            // The admin's own configuration (bootstrap servers, security, SSL bundle) for the one call KafkaAdmin lacks.
            try (Admin client = Admin.create(admin.getConfigurationProperties())) {
                int brokers = client.describeCluster().nodes().get(CLUSTER_SECONDS, TimeUnit.SECONDS).size();
                clusterReplicas = Math.min(KafkaTopics.MAX_DEFAULT_REPLICAS, brokers);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while asking Kafka for its brokers", e);
            } catch (Exception e) {
                throw new IllegalStateException("cannot reach Kafka at "
                        + admin.getConfigurationProperties().get("bootstrap.servers") + " to count its brokers: "
                        + rootMessage(e), e);
            }
        }
        return clusterReplicas;
    }

    private static boolean causedBy(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return true;
            }
        }
        return false;
    }

    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() != null ? root.getMessage() : root.toString();
    }
}
