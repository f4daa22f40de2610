package dev.switchboard.it.queues;

import java.util.List;
import java.util.Map;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/** Kafka as a real in-process KRaft broker (spring-kafka's test kit), one for this test class. */
class KafkaBrokerTest extends QueueScenarios {

    private final EmbeddedKafkaKraftBroker kafka = new EmbeddedKafkaKraftBroker(1, KafkaPartitions.COUNT);

    @Override
    void prepareBroker() {
        kafka.afterPropertiesSet();
    }

    @Override
    Map<String, String> broker() {
        return Map.of("switchboard.messaging.broker", "kafka", "spring.kafka.bootstrap-servers", kafka.getBrokersAsString());
    }

    @Override
    void cleanBroker(List<String> groups) {
        kafka.destroy();
    }

    private static final class KafkaPartitions {
        static final int COUNT = 3;
    }
}
